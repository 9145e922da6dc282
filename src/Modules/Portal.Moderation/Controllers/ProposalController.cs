using System.Globalization;
using System.Net.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Portal.Contents.Services;
using Portal.Contents.ViewModels;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Localization;
using Portal.Directory;
using Portal.Moderation.Services;

namespace Portal.Moderation.Controllers;

/// <summary>
/// /fr/proposer, /de/vorschlagen: anyone proposes an actor, an action or an aidant support. No third-party captcha: a
/// field that people do not see (robots fill it), a minimum time to fill the form with a stamp that serves once, a limit
/// per address and one per e-mail address. Only the fields the form shows are read from a post. The proposal waits in
/// review; its author gets a reference and, with an e-mail address, the outcome (messages that quote nothing they wrote).
/// </summary>
[AllowAnonymous]
public sealed class ProposalController(Portal.Core.Localization.Cultures cultures, 
    PortalDbContext db,
    IContentManager contentManager,
    IContentDefinitionStore definitions,
    ContentEditorBuilder editors,
    ContentFormBinder binder,
    ModerationMails mails,
    ModerationService moderation,
    ProposalStamps stamps,
    OrganisationSearch organisations,
    IDataProtectionProvider protection,
    IConfiguration configuration,
    TimeProvider clock,
    IStringLocalizer<ProposalController> T,
    ILogger<ProposalController> logger) : Controller
{
    public const string RateLimit = "proposals";

    private static readonly Dictionary<string, string[]> Fields = new()
    {
        [DirectoryTypes.Actor] = ["TitlePart.Title", "Actor.Description", "Actor.Typology", "Actor.Territory", "AddressPart.Street", "AddressPart.Postcode", "AddressPart.Commune",
            "ContactPart.Phone", "ContactPart.Email", "ContactPart.Website"],
        [DirectoryTypes.Action] = ["TitlePart.Title", "Action.Actor", "Action.Description", "Action.Domains", "Action.DisabilityTypes", "Action.Audiences", "Action.Schedule",
            "Action.Fees", "AddressPart.Street", "AddressPart.Postcode", "AddressPart.Commune", "ContactPart.Phone", "ContactPart.Email", "ContactPart.Website"],
        [DirectoryTypes.AidantSupport] = ["TitlePart.Title", "AidantSupport.Actor", "AidantSupport.Description", "AidantSupport.SupportTypes", "AidantSupport.CaredFor",
            "AidantSupport.ReceptionModes", "AidantSupport.Fees", "AddressPart.Street", "AddressPart.Postcode", "AddressPart.Commune", "ContactPart.Phone", "ContactPart.Email", "ContactPart.Website"],
    };

    public sealed class ProposalModel
    {
        public required string Culture { get; init; }
        public string? Type { get; init; }
        public IReadOnlyList<(string Name, string Label)> Types { get; init; } = [];
        public ContentEditorViewModel? Editor { get; init; }
        public string Started { get; init; } = "";
        public string? ProposerEmail { get; init; }
        public Dictionary<string, string> Errors { get; } = [];
        public string? Reference { get; init; }
        public string? Title { get; init; }
        /// <summary>Who offers it, for the types that name their organisation; null for an organisation itself.</summary>
        public OrganisationChoice? Organisation { get; init; }
    }

    /// <summary>The organisation named in free text (name, commune), the directory's matches, and the one chosen (by token, never by id).</summary>
    public sealed class OrganisationChoice
    {
        /// <summary>The field the form fills from this choice ("Action.Actor"), which it does not show as such.</summary>
        public required string FieldKey { get; init; }
        public string? Name { get; init; }
        public string? Commune { get; init; }
        public string? Chosen { get; init; }
        public bool Searched { get; init; }
        public IReadOnlyList<OrganisationMatch> Matches { get; init; } = [];
    }

    /// <summary>The types whose proposals name the organisation that offers them: the type's field that points at it.</summary>
    private static readonly Dictionary<string, string> OrganisationFields = new()
    {
        [DirectoryTypes.Action] = "Action.Actor",
        [DirectoryTypes.AidantSupport] = "AidantSupport.Actor",
    };

    private const string NameField = "organisation-name";
    private const string CommuneField = "organisation-commune";
    private const string ChoiceField = "organisation";
    public const string NewOrganisation = "new";

    /// <summary>What the visitor typed or chose about the organisation, with the matches when they searched.</summary>
    private async Task<OrganisationChoice?> OrganisationAsync(string type, bool search)
    {
        if (!OrganisationFields.TryGetValue(type, out var key)) return null;
        if (!Request.HasFormContentType) return new OrganisationChoice { FieldKey = key };
        var name = Clip(Request.Form[NameField], NamedOrganisation.MaxName);
        var commune = Clip(Request.Form[CommuneField], NamedOrganisation.MaxCommune);
        var chosen = Request.Form[ChoiceField].ToString();
        var matches = search ? (await organisations.FindAsync(name, commune, Culture)).ToList() : [];
        if (await organisations.ResolveAsync(chosen) is { } kept && matches.All(m => m.Id != kept.Id)) matches.Insert(0, kept);
        return new OrganisationChoice { FieldKey = key, Name = name, Commune = commune, Chosen = chosen, Searched = search, Matches = matches };
    }

    private static string? Clip(string? text, int length) => string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length > length ? t[..length] : text.Trim();

    /// <summary>
    /// "Search the directory" (a second submit button of the same form): the form again with everything typed kept and
    /// the organisations found, chosen by a radio button. Not a proposal: not counted against the proposals per hour.
    /// </summary>
    [HttpPost("/{culture:culture}/{segment:localizedexact(proposal)}/{verb:localizedexact(organisations)}"), ValidateAntiForgeryToken]
    public async Task<IActionResult> FindOrganisation([FromQuery] string? type, [FromForm] string? started, [FromForm] string? proposerEmail)
    {
        if (type is null || !OrganisationFields.ContainsKey(type)) return BadRequest(T["Unknown kind of proposal."].Value);
        var item = await contentManager.NewAsync(type);
        item.Culture = Culture;
        var shown = EditorFields.Shown(await EditorAsync(type, item, null));
        item.Data = EditorFields.OnlyShown(await binder.BindAsync(await ProposalTypeAsync(type), Request.Form, null), null, shown);
        return View("Index", new ProposalModel
        {
            Culture = Culture, Type = type, Editor = await EditorAsync(type, item, null), ProposerEmail = proposerEmail?.Trim(),
            Started = TryReadStamp(started, out _) ? started! : Stamp(), Organisation = await OrganisationAsync(type, search: true),
        });
    }

    private string Culture => cultures.Current;
    private IDataProtector Protector => protection.CreateProtector("Portal.Moderation.Proposal");
    private int MinimumSeconds => int.TryParse(configuration["Portal:Moderation:MinimumFillSeconds"], out var s) ? s : 3;
    private int PerEmailPerDay => int.TryParse(configuration["Portal:Moderation:ProposalsPerEmailPerDay"], out var n) ? n : 5;
    public static string PathOf(string culture) => ModerationRoutes.Table.Path(ModerationRoutes.Proposal, culture);

    [HttpGet("/{culture:culture}/{segment:localizedexact(proposal)}")]
    public async Task<IActionResult> Index(string? type)
    {
        var types = new List<(string, string)>();
        foreach (var name in Fields.Keys) types.Add((name, await definitions.TypeDisplayNameAsync(name, Culture)));
        ViewData["Alternates"] = new Dictionary<string, string> { ["fr"] = "/fr/proposer" + (type is null ? "" : "?type=" + type), ["de"] = "/de/vorschlagen" + (type is null ? "" : "?type=" + type) };
        if (type is null) return View("Index", new ProposalModel { Culture = Culture, Types = types });
        if (!Fields.ContainsKey(type)) return BadRequest(T["Unknown kind of proposal."].Value);
        var item = await contentManager.NewAsync(type);
        return View("Index", new ProposalModel { Culture = Culture, Type = type, Types = types, Editor = await EditorAsync(type, item, null), Started = Stamp(), Organisation = await OrganisationAsync(type, search: false) });
    }

    private string Stamp() => Protector.Protect(clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

    private async Task<ContentTypeDefinition> ProposalTypeAsync(string type)
    {
        var full = (await definitions.GetTypeAsync(type))!;
        var parts = Fields[type].Select(f => f[..f.IndexOf('.')]).ToHashSet();
        return new ContentTypeDefinition { Name = full.Name, DisplayName = full.DisplayName, Parts = full.Parts.Where(p => parts.Contains(p.Name)).ToList() };
    }

    private async Task<ContentEditorViewModel> EditorAsync(string type, ContentItem item, ContentValidationResult? validation)
    {
        var editor = await editors.BuildAsync(await ProposalTypeAsync(type), item, isNew: true, validation);
        EditorFields.Keep(editor, f => Fields[type].Contains(f.Prefix));
        return editor;
    }

    [HttpPost("/{culture:culture}/{segment:localizedexact(proposal)}"), ValidateAntiForgeryToken, EnableRateLimiting(RateLimit)]
    public async Task<IActionResult> Submit([FromQuery] string? type, [FromForm] string? started, [FromForm] string? proposerEmail, [FromForm(Name = "website_url")] string? honeypot)
    {
        if (type is null || !Fields.ContainsKey(type)) return BadRequest(T["Unknown kind of proposal."].Value);
        var proposalType = await ProposalTypeAsync(type);
        var item = await contentManager.NewAsync(type);
        item.Culture = Culture;
        // Only what the form shows: an extra name in the post (Actor.Siret, EntryPart.Sample…) is not read.
        var shown = EditorFields.Shown(await EditorAsync(type, item, null));
        item.Data = EditorFields.OnlyShown(await binder.BindAsync(proposalType, Request.Form, null), null, shown);
        item.Data["LocalizationPart"] = new System.Text.Json.Nodes.JsonObject { ["Culture"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = Culture } };
        item.Owner = "anonymous";
        proposerEmail = proposerEmail?.Trim();
        var organisation = await OrganisationAsync(type, search: false);

        // A robot filled the field people do not see: it is told nothing, and nothing is kept.
        if (!string.IsNullOrEmpty(honeypot))
        {
            logger.LogInformation("Proposal form: honeypot filled from {Address}; ignored", HttpContext.Connection.RemoteIpAddress);
            return View("Thanks", new ProposalModel { Culture = Culture, Reference = "—", Title = item.DisplayText });
        }

        var errors = new Dictionary<string, string>();
        var status = StatusCodes.Status400BadRequest;
        if (!TryReadStamp(started, out var startedAt))
            errors["form"] = T["The form has expired: check your entries and send it again."];
        else if ((clock.GetUtcNow() - startedAt).TotalSeconds < MinimumSeconds)
            errors["form"] = T["That was very fast: take a moment to check your entries, then send them again."];
        else if (await stamps.IsConsumedAsync(started!))
            errors["form"] = Replayed;
        if (!string.IsNullOrEmpty(proposerEmail) && (proposerEmail.Length > 254 || !MailAddress.TryCreate(proposerEmail, out _) || !proposerEmail.Contains('.')))
            errors["proposerEmail"] = T["Your e-mail address must look like name@example.org (or leave it empty)."];
        else if (!string.IsNullOrEmpty(proposerEmail) && await ProposalsTodayAsync(proposerEmail) >= PerEmailPerDay)
        {
            errors["proposerEmail"] = T["This e-mail address has sent {0} proposals in the last 24 hours, the most we accept: please send this one tomorrow.", PerEmailPerDay];
            status = StatusCodes.Status429TooManyRequests;
        }

        if (organisation is not null && await ApplyOrganisationAsync(item, organisation) is { } missing) errors[NameField] = missing;
        var validation = await contentManager.ValidateAsync(item);
        if (errors.Count > 0 || !validation.Succeeded) return await RefusedAsync(type, item, validation, proposerEmail, errors, status);

        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await contentManager.CreateAsync(item);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", new ProposalModel { Culture = Culture, Type = type, Editor = await EditorAsync(type, item, result.Validation), Started = Stamp(), ProposerEmail = proposerEmail, Organisation = organisation });
        }
        await stamps.ConsumeAsync(started!);
        var reference = ReferenceOf(item.ContentItemId);
        await mails.ProposalReceivedAsync(item, reference, proposerEmail, Culture);
        try
        {
            var proposed = await moderation.ProposeAsync(result.Item!, new AuditNote(reference, UserName: "anonymous",
                Contact: string.IsNullOrEmpty(proposerEmail) ? null : proposerEmail, Culture: Culture));
            if (!proposed.Succeeded) throw new InvalidOperationException($"The proposal could not be submitted: {proposed.Error}");
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            // The same stamp sent twice at once: the other post won.
            if (await stamps.IsConsumedAsync(started!))
                return await RefusedAsync(type, item, validation, proposerEmail, new() { ["form"] = Replayed }, StatusCodes.Status400BadRequest);
            throw;
        }
        await transaction.CommitAsync();
        return View("Thanks", new ProposalModel { Culture = Culture, Reference = reference, Title = item.DisplayText, ProposerEmail = proposerEmail });
    }

    /// <summary>
    /// The organisation chosen in the directory fills the type's field; otherwise the name typed is kept for the
    /// moderator, who links or creates the actor while reviewing. Returns what is missing, or null.
    /// </summary>
    private async Task<string?> ApplyOrganisationAsync(ContentItem item, OrganisationChoice choice)
    {
        var (part, field) = (choice.FieldKey[..choice.FieldKey.IndexOf('.')], choice.FieldKey[(choice.FieldKey.IndexOf('.') + 1)..]);
        if (choice.Chosen != NewOrganisation && await organisations.ResolveAsync(choice.Chosen) is { } chosen)
        {
            item.GetOrCreatePart(part)[field] = new System.Text.Json.Nodes.JsonObject { ["ContentItemIds"] = new System.Text.Json.Nodes.JsonArray(chosen.Id) };
            return null;
        }
        // A post that names the actor itself (a script, or an older form) keeps it.
        if (Portal.Core.Content.Fields.ContentPickerFieldType.Ids(item.Field(part, field)).Count > 0 && string.IsNullOrEmpty(choice.Name)) return null;
        if (string.IsNullOrEmpty(choice.Name)) return T["Give the name of the organisation that offers it, or search for it in the directory."];
        item.Part(part)?.Remove(field);
        new NamedOrganisation(choice.Name, choice.Commune).WriteTo(item.Data);
        return null;
    }

    private string Replayed => T["This form was already sent: your proposal is recorded. To propose something else, check the entries below and send them again."];

    /// <summary>The form again, with what was typed, the messages, and a new stamp.</summary>
    private async Task<IActionResult> RefusedAsync(string type, ContentItem item, ContentValidationResult validation, string? proposerEmail, Dictionary<string, string> errors, int status)
    {
        Response.StatusCode = status;
        var model = new ProposalModel { Culture = Culture, Type = type, Editor = await EditorAsync(type, item, validation), Started = Stamp(), ProposerEmail = proposerEmail, Organisation = await OrganisationAsync(type, search: false) };
        foreach (var (key, message) in errors) model.Errors[key] = message;
        return View("Index", model);
    }

    /// <summary>Proposals that left this e-mail address in the last 24 hours (any case).</summary>
    private Task<int> ProposalsTodayAsync(string email)
    {
        var since = clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(1);
        var lower = email.ToLowerInvariant();
        return db.AuditEntries.CountAsync(a => a.Action == ModerationAudit.Proposed && a.Contact != null && a.Contact.ToLower() == lower && a.CreatedUtc >= since);
    }

    /// <summary>A reference a person can read out on the phone: P- and the first ten characters of the item's id.</summary>
    public static string ReferenceOf(string contentItemId) => ModerationMails.ProposalReference(contentItemId);

    private bool TryReadStamp(string? stamp, out DateTimeOffset started)
    {
        started = default;
        if (string.IsNullOrEmpty(stamp)) return false;
        try
        {
            var seconds = long.Parse(Protector.Unprotect(stamp), CultureInfo.InvariantCulture);
            started = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return clock.GetUtcNow() - started < ProposalStamps.Lifetime;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return false;
        }
    }
}
