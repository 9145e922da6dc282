using Microsoft.AspNetCore.Http;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Localization;
using Portal.Core.Security;
using Portal.Moderation.Services;

namespace Portal.Moderation.Controllers;

/// <summary>/admin/review: what waits, filtered by type, state, age and partner; each submission compared with the published version; the decisions.</summary>
[RequirePermission(Permissions.ReviewSubmissions)]
public sealed class ReviewController(Portal.Core.Localization.Cultures cultures, 
    PortalDbContext db,
    ModerationService moderation,
    WorkflowStore workflows,
    VersionDiff differ,
    OtherLanguageVersions otherLanguages,
    IContentManager contentManager,
    IContentDefinitionStore definitions,
    ContentLabels words,
    OrganisationReviewer organisations,
    TimeProvider clock,
    IStringLocalizer<ReviewController> T) : Controller
{
    /// <param name="OwnWork">Four eyes: this person wrote the version, so another one must approve it.</param>
    public sealed record QueueRow(ContentItem Item, string State, string StateLabel, string TypeLabel, string? SubmittedBy, DateTime Since, int Days, bool Withdrawal, bool OwnWork = false);

    public sealed class QueueModel
    {
        public required List<QueueRow> Rows { get; init; }
        public required IReadOnlyList<(string Name, string Label)> Types { get; init; }
        public required IReadOnlyList<string> Partners { get; init; }
        public string? Type { get; init; }
        public string State { get; init; } = WorkflowStates.InReview;
        public int? MinDays { get; init; }
        public string? Partner { get; init; }
        public int Waiting { get; init; }
        public int OldestDays { get; init; }
        public string? Notice { get; init; }
        /// <summary>For administrators: the workflows, with their self-approval setting.</summary>
        public IReadOnlyList<WorkflowDefinition> Workflows { get; init; } = [];
    }

    public sealed class DetailModel
    {
        public required ContentItem Item { get; init; }
        public ContentItem? Published { get; init; }
        public required string State { get; init; }
        public required string StateLabel { get; init; }
        public required List<FieldDiff> Fields { get; init; }
        public required IReadOnlyList<WorkflowTransition> Transitions { get; init; }
        /// <summary>What the role allows but four eyes withholds from this person, who wrote the version.</summary>
        public IReadOnlyList<WorkflowTransition> Withheld { get; init; } = [];
        public required List<AuditEntry> History { get; init; }
        /// <summary>The other languages' versions the change's culture-neutral fields would be copied to, with what changes in them.</summary>
        public List<OtherLanguageVersion> OtherLanguages { get; init; } = [];
        public string? Error { get; init; }
        public string? Comment { get; init; }
        /// <summary>The organisation the proposal names in free text, while it waits to be linked or created.</summary>
        public OrganisationReview? Organisation { get; init; }
        public string? Notice { get; init; }
    }

    private const string WithdrawalState = "Withdrawal";

    [HttpGet("/admin/review")]
    public async Task<IActionResult> Index(string? type, string? state, string? age, string? partner)
    {
        var types = await workflows.TypesAsync();
        if (!string.IsNullOrEmpty(type) && !types.Contains(type)) return BadRequest(T["Unknown type filter."].Value);
        state = string.IsNullOrEmpty(state) ? WorkflowStates.InReview : state;
        if (state is not (WorkflowStates.InReview or WorkflowStates.ChangesRequested or WorkflowStates.Rejected or WithdrawalState)) return BadRequest(T["Unknown state filter."].Value);
        int? minDays = null;
        if (!string.IsNullOrEmpty(age))
        {
            if (!int.TryParse(age, out var days) || days < 0 || days > 3650) return BadRequest(T["The age must be a number of days."].Value);
            minDays = days;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await RowsAsync(types, state, now);
        var waiting = state == WorkflowStates.InReview ? rows : await RowsAsync(types, WorkflowStates.InReview, now);
        var filtered = rows.Where(r => (type is null or "" || r.Item.ContentType == type) && (minDays is null || r.Days >= minDays)
            && (string.IsNullOrEmpty(partner) || r.SubmittedBy == partner)).ToList();
        var typeLabels = new List<(string, string)>();
        foreach (var name in types) typeLabels.Add((name, await definitions.TypeDisplayNameAsync(name, cultures.Current)));
        return View("Index", new QueueModel
        {
            Rows = filtered, Types = typeLabels, Partners = rows.Select(r => r.SubmittedBy).OfType<string>().Distinct().Order().ToList(),
            Type = type, State = state, MinDays = minDays, Partner = partner,
            Waiting = waiting.Count, OldestDays = waiting.Count == 0 ? 0 : waiting.Max(r => r.Days), Notice = TempData["Notice"] as string,
            Workflows = User.IsInRole(Roles.Administrator) ? (await workflows.GetAsync()).Workflows : [],
        });
    }

    private async Task<List<QueueRow>> RowsAsync(IReadOnlyList<string> types, string state, DateTime now)
    {
        List<ContentItem> items;
        if (state == WithdrawalState)
        {
            var requested = await db.AuditEntries.AsNoTracking().Where(a => a.Action == ModerationAudit.WithdrawalRequested || a.Action == "archive")
                .OrderBy(a => a.Id).ToListAsync();
            var pending = requested.GroupBy(a => a.ContentItemId).Where(g => g.Last().Action == ModerationAudit.WithdrawalRequested).Select(g => g.Key).ToList();
            items = await db.ContentItems.AsNoTracking().Where(i => i.Latest && pending.Contains(i.ContentItemId)).ToListAsync();
        }
        else items = await db.ContentItems.AsNoTracking().Where(i => i.Latest && !i.Published && i.Status == state && types.Contains(i.ContentType)).ToListAsync();
        var ids = items.Select(i => i.ContentItemId).ToList();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => ids.Contains(a.ContentItemId)).OrderBy(a => a.Id).ToListAsync();
        var labels = new Dictionary<string, string>();
        var rows = new List<QueueRow>();
        foreach (var item in items)
        {
            if (!labels.TryGetValue(item.ContentType, out var label))
                labels[item.ContentType] = label = await definitions.TypeDisplayNameAsync(item.ContentType, cultures.Current);
            var entries = audit.Where(a => a.ContentItemId == item.ContentItemId).ToList();
            var entered = state == WithdrawalState
                ? entries.LastOrDefault(a => a.Action == ModerationAudit.WithdrawalRequested)
                : entries.LastOrDefault(a => a.ToState == state && a.Action is not (AuditActions.Saved or ModerationAudit.Verified));
            var since = entered?.CreatedUtc ?? item.ModifiedUtc;
            var who = entered?.Action == ModerationAudit.Proposed ? T["a visitor"].Value : entered?.UserName;
            var itemState = ModerationService.StateOf(item);
            var workflow = await workflows.ForTypeAsync(item.ContentType);
            var ownWork = workflow is { AllowSelfApproval: false } && workflow.Transition("approve")?.RequiresOtherPerson == true && FourEyes.WroteVersion(User, item, entries);
            rows.Add(new QueueRow(item, itemState, words.State(itemState), label, who, since, (int)(now - since).TotalDays, state == WithdrawalState, ownWork));
        }
        return rows.OrderBy(r => r.Since).ToList();
    }

    [HttpGet("/admin/review/{id}")]
    public async Task<IActionResult> Detail(string id) => await DetailViewAsync(id, null, null);

    private async Task<IActionResult> DetailViewAsync(string id, string? error, string? comment, OrganisationReview? organisation = null)
    {
        var latest = await contentManager.GetAsync(id, VersionOptions.Latest);
        if (latest is null || !(await workflows.TypesAsync()).Contains(latest.ContentType)) return NotFound();
        var published = latest.Published ? null : await contentManager.GetAsync(id);
        var state = ModerationService.StateOf(latest);
        return View("Detail", new DetailModel
        {
            Item = latest, Published = published, State = state, StateLabel = words.State(state),
            Fields = await differ.CompareAsync(published, latest, cultures.Current),
            OtherLanguages = await otherLanguages.CompareAsync(latest, published, cultures.Current),
            Transitions = await moderation.AvailableAsync(User, latest),
            Withheld = await moderation.WithheldAsync(User, latest),
            History = await db.AuditEntries.AsNoTracking().Where(a => a.ContentItemId == id).OrderByDescending(a => a.Id).Take(200).ToListAsync(),
            Error = error, Comment = comment,
            Organisation = organisation ?? await organisations.ReviewOfAsync(latest), Notice = TempData["Notice"] as string,
        });
    }

    [HttpPost("/admin/review/{id}/{transition}"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Decide(string id, string transition, [FromForm] string? comment)
    {
        var result = await moderation.TransitionAsync(User, id, transition, comment);
        if (result.Succeeded)
        {
            TempData["Notice"] = T["Done: {0}.", words.Action(transition)].Value;
            return Redirect("/admin/review");
        }
        if (result.StatusCode == 404) return NotFound();
        Response.StatusCode = result.StatusCode;
        var message = result.Validation is { Succeeded: false } validation ? $"{result.Error} {string.Join(" ", validation.Errors.Select(e => e.Message))}" : result.Error;
        return await DetailViewAsync(id, message, comment);
    }

    [HttpPost("/admin/review/{id}/organisation/link"), ValidateAntiForgeryToken]
    public async Task<IActionResult> LinkOrganisation(string id, [FromForm] string? actor)
    {
        var latest = await contentManager.GetAsync(id, VersionOptions.Latest);
        if (latest is null || !organisations.Waits(latest)) return NotFound();
        TempData["Notice"] = await organisations.LinkAsync(User, latest, actor)
            ? T["The organisation is linked: you may approve the proposal."].Value
            : T["Choose an organisation of the directory first."].Value;
        return Redirect($"/admin/review/{id}");
    }

    [HttpPost("/admin/review/{id}/organisation/create"), ValidateAntiForgeryToken]
    public async Task<IActionResult> CreateOrganisation(string id)
    {
        var latest = await contentManager.GetAsync(id, VersionOptions.Latest);
        if (latest is null || !organisations.Waits(latest)) return NotFound();
        var (result, actor) = await organisations.CreateAsync(User, latest, Request.Form);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await DetailViewAsync(id, T["The organisation could not be created: see the messages below."], null,
                await organisations.ReviewOfAsync(latest, actor, result.Validation));
        }
        TempData["Notice"] = T["“{0}” is created and published; the proposal is linked to it: you may approve it.", actor.DisplayText].Value;
        return Redirect($"/admin/review/{id}");
    }

    [HttpPost("/admin/review/approve"), ValidateAntiForgeryToken]
    public async Task<IActionResult> ApproveMany([FromForm] List<string>? ids)
    {
        ids ??= [];
        if (ids.Count == 0)
        {
            TempData["Notice"] = T["Tick the submissions to approve first."].Value;
            return Redirect("/admin/review");
        }
        var failed = new List<string>();
        var skipped = 0;
        var chosen = ids.Distinct().Take(500).ToList();
        foreach (var id in chosen)
        {
            var result = await moderation.TransitionAsync(User, id, "approve", null);
            if (result.NeedsAnotherPerson) skipped++;
            else if (!result.Succeeded) failed.Add($"{id} ({result.Error})");
        }
        var approved = chosen.Count - failed.Count - skipped;
        var notice = failed.Count == 0
            ? T["{0} submissions approved and published.", approved].Value
            : T["{0} approved; not approved: {1}", approved, string.Join("; ", failed)].Value;
        // Four eyes: one's own versions are skipped, and the person is told how many.
        if (skipped > 0) notice += " " + T["{0} skipped: you edited or submitted them, another person must approve them.", skipped].Value;
        TempData["Notice"] = notice;
        return Redirect("/admin/review");
    }
}
