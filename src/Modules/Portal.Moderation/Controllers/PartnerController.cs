using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Portal.Contents.Services;
using Portal.Contents.ViewModels;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Core.Data;
using Portal.Core.Localization;
using Portal.Directory;
using Portal.Moderation.Services;

namespace Portal.Moderation.Controllers;

/// <summary>
/// The partner space (/fr/espace-partenaire, /de/partnerbereich): an organisation's account sees its actors and offers
/// with their state and last verification; proposes changes (a new version in review: the public keeps the published
/// one); adds actions and aidant supports; confirms "still accurate"; asks to withdraw an offer. Every item is checked
/// against the account's links on every request: another partner's id answers 404, and the attempt is logged.
/// </summary>
[Authorize]
public sealed class PartnerController(Portal.Core.Localization.Cultures cultures, 
    PortalDbContext db,
    PartnerScope scope,
    PartnerTypes partnerTypes,
    ModerationService moderation,
    ModerationMails mails,
    VerificationRecorder verifications,
    IContentManager contentManager,
    IContentDefinitionStore definitions,
    ContentEditorBuilder editors,
    ContentFormBinder binder,
    AuditTrail audit,
    IStringLocalizer<PartnerController> T,
    ILogger<PartnerController> logger) : Controller
{
    private static readonly string[] EditableParts = ["TitlePart", "AddressPart", "ContactPart"];

    public sealed class PartnerItem
    {
        public required ContentItem Item { get; init; }
        public required string State { get; init; }
        public required string StateLabel { get; init; }
        public DateTime? LastVerified { get; init; }
        public string? ModeratorComment { get; init; }
        public bool Published { get; init; }
        public bool WithdrawalRequested { get; init; }
    }

    public sealed class PartnerIndexModel
    {
        public required string Culture { get; init; }
        public required List<PartnerItem> Actors { get; init; }
        public required List<PartnerItem> Offers { get; init; }
        /// <summary>The partner types with a section of their own (their heading, their items).</summary>
        public List<(string Heading, List<PartnerItem> Items)> Sections { get; init; } = [];
        /// <summary>What the partner may add to an organisation: type name and link text.</summary>
        public List<(string Type, string Label)> Addable { get; init; } = [];
        /// <summary>The types whose entries are confirmed "still accurate".</summary>
        public Func<string, bool> Verifiable { get; init; } = _ => true;
        public string? Notice { get; init; }
    }

    public sealed class PartnerEditModel
    {
        public required string Culture { get; init; }
        public required ContentEditorViewModel Editor { get; init; }
        public required string Action { get; init; }
        public string? ActorName { get; init; }
        public string? Stamp { get; init; }
        public string? Error { get; init; }
        public bool HasPublishedVersion { get; init; }
        /// <summary>The confirm step: what changes, field by field (null while editing).</summary>
        public IReadOnlyList<FieldChange>? Changes { get; init; }
        /// <summary>Everything the form posted, carried by the confirm step so that nothing typed is lost.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Posted { get; init; } = [];
    }

    /// <summary>One field of the confirm step: its label, its value before and after, shown as the public page shows them.</summary>
    public sealed record FieldChange(string Key, string Label, FieldDisplay? Before, FieldDisplay After);

    /// <summary>The form's steps: "review" shows what changes before sending, "edit" goes back to the form; none (or "send") sends.</summary>
    private const string ReviewStep = "review";
    private const string EditStep = "edit";

    private string Step => Request.HasFormContentType ? Request.Form["step"].ToString() : "";

    /// <summary>
    /// The confirm step, before anything is stored: the form again when asked for or when a field needs correcting, else
    /// the changes in words with every posted value carried in hidden fields (works without JavaScript).
    /// </summary>
    private async Task<IActionResult> ReviewAsync(ContentTypeDefinition type, ContentItem? before, ContentItem candidate, bool isNew, string action, string? actorName, string? stamp)
    {
        var validation = Step == ReviewStep ? await contentManager.ValidateAsync(candidate) : null;
        var editor = await EditorAsync(type, candidate, isNew, validation is { Succeeded: false } ? validation : null);
        if (validation is not { Succeeded: true })
        {
            if (validation is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", new PartnerEditModel
            {
                Culture = Culture, Editor = editor, Action = action, ActorName = actorName, Stamp = stamp,
                Error = validation is null ? null : T["Some fields need correcting: see the messages below."].Value,
            });
        }
        var changes = new List<FieldChange>();
        foreach (var field in editor.Parts.SelectMany(p => p.Fields))
        {
            var (part, name) = (field.Prefix[..field.Prefix.IndexOf('.')], field.Prefix[(field.Prefix.IndexOf('.') + 1)..]);
            var old = before?.Field(part, name);
            var now = candidate.Field(part, name);
            if (field.FieldType.ToText(old) == field.FieldType.ToText(now)) continue;
            changes.Add(new FieldChange(field.Prefix, field.Label, old is null ? null : new FieldDisplay(field.Field, field.FieldType, old, Culture), new FieldDisplay(field.Field, field.FieldType, now, Culture)));
        }
        var posted = Request.Form.Where(f => f.Key is not ("__RequestVerificationToken" or "step"))
            .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
        return View("Confirm", new PartnerEditModel
        {
            Culture = Culture, Editor = editor, Action = action, ActorName = actorName, Stamp = stamp, Changes = changes, Posted = posted,
        });
    }

    private string Culture => cultures.Current;
    private string Space => $"/{Culture}/{PartnerRoutes.Segment(Culture)}";

    [HttpGet("/{culture:culture}/{space:localizedexact(partner-space)}")]
    public async Task<IActionResult> Index()
    {
        var items = await scope.ItemsAsync(User);
        var ids = items.Select(i => i.ContentItemId).ToList();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => ids.Contains(a.ContentItemId)).OrderBy(a => a.Id).ToListAsync();
        var published = await db.ContentItems.AsNoTracking().Where(i => ids.Contains(i.ContentItemId) && i.Published).Select(i => i.ContentItemId).ToListAsync();
        PartnerItem Describe(ContentItem item)
        {
            var state = ModerationService.StateOf(item);
            var entries = audit.Where(a => a.ContentItemId == item.ContentItemId).ToList();
            var lastDecision = entries.LastOrDefault(a => a.Action is "request-changes" or "reject" or "approve");
            return new PartnerItem
            {
                Item = item, State = state, StateLabel = moderation.StateLabel(state),
                LastVerified = FreshnessService.VerifiedOn(item),
                ModeratorComment = lastDecision?.Action is "request-changes" or "reject" && state is WorkflowStates.ChangesRequested or WorkflowStates.Rejected ? lastDecision.Comment : null,
                Published = published.Contains(item.ContentItemId),
                WithdrawalRequested = entries.LastOrDefault(a => a.Action is ModerationAudit.WithdrawalRequested or "archive")?.Action == ModerationAudit.WithdrawalRequested,
            };
        }
        // Each organisation's entries in the visitor's language when they exist, else in the other.
        var inCulture = items.GroupBy(i => i.LocalizationSet ?? i.ContentItemId).Select(g => g.FirstOrDefault(i => i.Culture == Culture) ?? g.First()).ToList();
        bool OwnSection(ContentItem i) => partnerTypes.Find(i.ContentType)?.Heading is not null;
        return View("Index", new PartnerIndexModel
        {
            Culture = Culture,
            Actors = inCulture.Where(i => i.ContentType == DirectoryTypes.Actor).OrderBy(i => i.DisplayText).Select(Describe).ToList(),
            Offers = inCulture.Where(i => i.ContentType != DirectoryTypes.Actor && !OwnSection(i)).OrderBy(i => i.DisplayText).Select(Describe).ToList(),
            Sections = partnerTypes.All.Where(t => t.Heading is not null)
                .Select(t => (t.Heading!(T), inCulture.Where(i => i.ContentType == t.ContentType).OrderBy(i => i.DisplayText).Select(Describe).ToList())).ToList(),
            Addable = partnerTypes.All.Select(t => (t.ContentType, t.AddLabel(T))).ToList(),
            Verifiable = type => partnerTypes.Find(type)?.Verifiable ?? true,
            Notice = TempData["Notice"] as string,
        });
    }

    /// <summary>The item, if it is this partner's; otherwise null, and the attempt is logged.</summary>
    private async Task<ContentItem?> OwnedAsync(string id)
    {
        var item = await contentManager.GetAsync(id, VersionOptions.Latest);
        if (item is not null && await scope.OwnsAsync(User, item)) return item;
        logger.LogWarning("Partner space: {User} asked for item {Item}, which is not theirs", User.Identity?.Name, id);
        return null;
    }

    private async Task<ContentTypeDefinition> EditableTypeAsync(string contentType)
    {
        var type = (await definitions.GetTypeAsync(contentType))!;
        return new ContentTypeDefinition
        {
            Name = type.Name, DisplayName = type.DisplayName,
            Parts = type.Parts.Where(p => p.Name == type.Name || EditableParts.Contains(p.Name)).ToList(),
        };
    }

    private async Task<ContentEditorViewModel> EditorAsync(ContentTypeDefinition type, ContentItem item, bool isNew, ContentValidationResult? validation = null)
    {
        var editor = await editors.BuildAsync(type, item, isNew, validation);
        // The organisation an offer belongs to is not the partner's to change; nor are the fields its type keeps for staff.
        if (partnerTypes.Find(type.Name) is { } partnerType)
        {
            var hidden = partnerType.HiddenFields.Append(partnerType.ActorField).Select(f => $"{type.Name}.{f}").ToHashSet(StringComparer.Ordinal);
            EditorFields.Keep(editor, f => !hidden.Contains(f.Prefix));
        }
        return editor;
    }

    [HttpGet("/{culture:culture}/{space:localizedexact(partner-space)}/{id}")]
    public async Task<IActionResult> Edit(string id)
    {
        var item = await OwnedAsync(id);
        if (item is null) return NotFound();
        var type = await EditableTypeAsync(item.ContentType);
        return View("Edit", new PartnerEditModel
        {
            Culture = Culture, Editor = await EditorAsync(type, item, isNew: false), Action = $"{Space}/{id}", Stamp = item.ConcurrencyStamp,
            HasPublishedVersion = await db.ContentItems.AnyAsync(i => i.ContentItemId == id && i.Published),
        });
    }

    [HttpPost("/{culture:culture}/{space:localizedexact(partner-space)}/{id}"), ValidateAntiForgeryToken]
    public async Task<IActionResult> EditPost(string id, [FromForm] string? stamp)
    {
        var latest = await OwnedAsync(id);
        if (latest is null) return NotFound();
        var state = ModerationService.StateOf(latest);
        var type = await EditableTypeAsync(latest.ContentType);
        // Only the fields the form shows are read from the post; every other field keeps its value.
        var shown = EditorFields.Shown(await EditorAsync(type, latest, isNew: false));
        var data = EditorFields.OnlyShown(await binder.BindAsync(type, Request.Form, latest.Data), latest.Data, shown);
        if (Step is ReviewStep or EditStep)
            return await ReviewAsync(type, latest, latest.WithData((System.Text.Json.Nodes.JsonObject)data.DeepClone(), latest.ConcurrencyStamp), isNew: false, $"{Space}/{id}", null, stamp);

        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await contentManager.UpdateAsync(latest, data, stamp ?? "");
        string? error = null;
        if (result.Succeeded && state != WorkflowStates.InReview)
        {
            var submitted = await moderation.TransitionAsync(User, result.Item!, "submit", null);
            if (!submitted.Succeeded) error = submitted.Error;
        }
        if (!result.Succeeded || error is not null)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            Response.StatusCode = result.Error == ContentError.Concurrency ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            var edited = new ContentItem { ContentItemId = id, ContentType = latest.ContentType, Culture = latest.Culture, Data = data, DisplayText = latest.DisplayText };
            return View("Edit", new PartnerEditModel
            {
                Culture = Culture, Editor = await EditorAsync(type, edited, isNew: false, result.Validation), Action = $"{Space}/{id}", Stamp = stamp,
                Error = error ?? (result.Validation.Succeeded ? result.Message : T["Some fields need correcting: see the messages below."].Value),
            });
        }
        await transaction.CommitAsync();
        TempData["Notice"] = T["Thank you: your changes to “{0}” are sent for review. The public page shows the published version until a moderator approves them.", result.Item!.DisplayText].Value;
        return Redirect(Space);
    }

    [HttpGet("/{culture:culture}/{space:localizedexact(partner-space)}/{verb:localizedexact(new)}/{type}")]
    public async Task<IActionResult> Create(string type, string? actor)
    {
        if (partnerTypes.Find(type) is null || actor is null) return NotFound();
        var owner = await OwnedAsync(actor);
        if (owner is null || owner.ContentType != DirectoryTypes.Actor) return NotFound();
        var item = await contentManager.NewAsync(type);
        item.Culture = Culture;
        var editable = await EditableTypeAsync(type);
        return View("Edit", new PartnerEditModel
        {
            Culture = Culture, Editor = await EditorAsync(editable, item, isNew: true), ActorName = owner.DisplayText,
            Action = $"{Space}/{ModerationRoutes.Table.Segment(ModerationRoutes.New, Culture)}/{type}?actor={Uri.EscapeDataString(actor)}",
        });
    }

    [HttpPost("/{culture:culture}/{space:localizedexact(partner-space)}/{verb:localizedexact(new)}/{type}"), ValidateAntiForgeryToken]
    public async Task<IActionResult> CreatePost(string type, string? actor)
    {
        if (partnerTypes.Find(type) is not { } partnerType || actor is null) return NotFound();
        var owner = await OwnedAsync(actor);
        if (owner is null || owner.ContentType != DirectoryTypes.Actor) return NotFound();
        var editable = await EditableTypeAsync(type);
        var item = await contentManager.NewAsync(type);
        item.Culture = Culture;
        var shown = EditorFields.Shown(await EditorAsync(editable, item, isNew: true));
        item.Data = EditorFields.OnlyShown(await binder.BindAsync(editable, Request.Form, null), null, shown);
        item.GetOrCreatePart(type)[partnerType.ActorField] = new System.Text.Json.Nodes.JsonObject { ["ContentItemIds"] = new System.Text.Json.Nodes.JsonArray(owner.ContentItemId) };
        item.Data["LocalizationPart"] = new System.Text.Json.Nodes.JsonObject { ["Culture"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = Culture } };
        item.Owner = User.Identity?.Name;
        if (Step is ReviewStep or EditStep)
            return await ReviewAsync(editable, null, item.WithData((System.Text.Json.Nodes.JsonObject)item.Data.DeepClone(), item.ConcurrencyStamp), isNew: true,
                $"{Space}/{ModerationRoutes.Table.Segment(ModerationRoutes.New, Culture)}/{type}?actor={Uri.EscapeDataString(actor)}", owner.DisplayText, null);

        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await contentManager.CreateAsync(item);
        string? error = null;
        if (result.Succeeded)
        {
            var submitted = await moderation.TransitionAsync(User, item, "submit", null);
            if (!submitted.Succeeded) error = submitted.Error;
        }
        if (!result.Succeeded || error is not null)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", new PartnerEditModel
            {
                Culture = Culture, Editor = await EditorAsync(editable, item, isNew: true, result.Validation), ActorName = owner.DisplayText,
                Action = $"{Space}/{ModerationRoutes.Table.Segment(ModerationRoutes.New, Culture)}/{type}?actor={Uri.EscapeDataString(actor)}",
                Error = error ?? (result.Validation.Succeeded ? result.Message : T["Some fields need correcting: see the messages below."].Value),
            });
        }
        await transaction.CommitAsync();
        TempData["Notice"] = T["Thank you: “{0}” is sent for review. It will be public once a moderator approves it.", item.DisplayText].Value;
        return Redirect(Space);
    }

    [HttpPost("/{culture:culture}/{space:localizedexact(partner-space)}/{id}/{verb:localizedexact(verify)}"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Verify(string id)
    {
        var item = await OwnedAsync(id);
        if (item is null || partnerTypes.Find(item.ContentType)?.Verifiable == false) return NotFound();
        await verifications.RecordAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name ?? "", Verification.Partner);
        TempData["Notice"] = T["Thank you: “{0}” is recorded as checked today.", item.DisplayText].Value;
        return Redirect(Space);
    }

    [HttpPost("/{culture:culture}/{space:localizedexact(partner-space)}/{id}/{verb:localizedexact(withdraw)}"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Withdraw(string id, [FromForm] string? reason)
    {
        var item = await OwnedAsync(id);
        if (item is null) return NotFound();
        reason = reason?.Trim();
        if (reason?.Length > 2000) reason = reason[..2000];
        audit.Note(item, ModerationAudit.WithdrawalRequested, ModerationService.StateOf(item),
            new AuditNote(reason, User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name ?? ""));
        await mails.WithdrawalRequestedAsync(item, User.Identity?.Name ?? "", reason);
        await db.SaveChangesAsync();
        TempData["Notice"] = T["Your request to withdraw “{0}” is sent to the moderators. It stays public until they archive it.", item.DisplayText].Value;
        return Redirect(Space);
    }
}
