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
/// field that people do not see (robots fill it), a minimum time to fill the form, and a limit per address. The
/// proposal waits in review; its author gets a reference and, with an e-mail address, the outcome.
/// </summary>
[AllowAnonymous]
public sealed class ProposalController(
    PortalDbContext db,
    IContentManager contentManager,
    IContentDefinitionStore definitions,
    ContentEditorBuilder editors,
    ContentFormBinder binder,
    ModerationMails mails,
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
    }

    private string Culture => Cultures.Current;
    private IDataProtector Protector => protection.CreateProtector("Portal.Moderation.Proposal");
    private int MinimumSeconds => int.TryParse(configuration["Portal:Moderation:MinimumFillSeconds"], out var s) ? s : 3;
    public static string PathOf(string culture) => culture == "de" ? "/de/vorschlagen" : "/fr/proposer";

    [HttpGet("/fr/proposer"), HttpGet("/de/vorschlagen")]
    public async Task<IActionResult> Index(string? type)
    {
        var types = new List<(string, string)>();
        foreach (var name in Fields.Keys) types.Add((name, (await definitions.GetTypeAsync(name))?.DisplayNameFor(Culture) ?? name));
        ViewData["Alternates"] = new Dictionary<string, string> { ["fr"] = "/fr/proposer" + (type is null ? "" : "?type=" + type), ["de"] = "/de/vorschlagen" + (type is null ? "" : "?type=" + type) };
        if (type is null) return View("Index", new ProposalModel { Culture = Culture, Types = types });
        if (!Fields.ContainsKey(type)) return BadRequest(T["Unknown kind of proposal."].Value);
        var item = await contentManager.NewAsync(type);
        return View("Index", new ProposalModel { Culture = Culture, Type = type, Types = types, Editor = await EditorAsync(type, item, null), Started = Stamp() });
    }

    private string Stamp() => Protector.Protect(clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

    private async Task<ContentTypeDefinition> ProposalTypeAsync(string type)
    {
        var full = (await definitions.GetTypeAsync(type))!;
        var parts = Fields[type].Select(f => f[..f.IndexOf('.')]).ToHashSet();
        return new ContentTypeDefinition { Name = full.Name, DisplayName = full.DisplayName, DisplayNameDe = full.DisplayNameDe, Parts = full.Parts.Where(p => parts.Contains(p.Name)).ToList() };
    }

    private async Task<ContentEditorViewModel> EditorAsync(string type, ContentItem item, ContentValidationResult? validation)
    {
        var editor = await editors.BuildAsync(await ProposalTypeAsync(type), item, isNew: true, validation);
        EditorFields.Keep(editor, f => Fields[type].Contains(f.Prefix));
        return editor;
    }

    [HttpPost("/fr/proposer"), HttpPost("/de/vorschlagen"), ValidateAntiForgeryToken, EnableRateLimiting(RateLimit)]
    public async Task<IActionResult> Submit([FromQuery] string? type, [FromForm] string? started, [FromForm] string? proposerEmail, [FromForm(Name = "website_url")] string? honeypot)
    {
        if (type is null || !Fields.ContainsKey(type)) return BadRequest(T["Unknown kind of proposal."].Value);
        var proposalType = await ProposalTypeAsync(type);
        var item = await contentManager.NewAsync(type);
        item.Culture = Culture;
        item.Data = await binder.BindAsync(proposalType, Request.Form, null);
        item.Data["LocalizationPart"] = new System.Text.Json.Nodes.JsonObject { ["Culture"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = Culture } };
        item.Owner = "anonymous";
        proposerEmail = proposerEmail?.Trim();

        // A robot filled the field people do not see: it is told nothing, and nothing is kept.
        if (!string.IsNullOrEmpty(honeypot))
        {
            logger.LogInformation("Proposal form: honeypot filled from {Address}; ignored", HttpContext.Connection.RemoteIpAddress);
            return View("Thanks", new ProposalModel { Culture = Culture, Reference = "—", Title = item.DisplayText });
        }

        var errors = new Dictionary<string, string>();
        if (!TryReadStamp(started, out var startedAt))
            errors["form"] = T["The form has expired: check your entries and send it again."];
        else if ((clock.GetUtcNow() - startedAt).TotalSeconds < MinimumSeconds)
            errors["form"] = T["That was very fast: take a moment to check your entries, then send them again."];
        if (!string.IsNullOrEmpty(proposerEmail) && (proposerEmail.Length > 254 || !MailAddress.TryCreate(proposerEmail, out _) || !proposerEmail.Contains('.')))
            errors["proposerEmail"] = T["Your e-mail address must look like name@example.org (or leave it empty)."];

        var validation = await contentManager.ValidateAsync(item);
        if (errors.Count > 0 || !validation.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var model = new ProposalModel { Culture = Culture, Type = type, Editor = await EditorAsync(type, item, validation), Started = Stamp(), ProposerEmail = proposerEmail };
            foreach (var (key, message) in errors) model.Errors[key] = message;
            return View("Index", model);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await contentManager.CreateAsync(item);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", new ProposalModel { Culture = Culture, Type = type, Editor = await EditorAsync(type, item, result.Validation), Started = Stamp(), ProposerEmail = proposerEmail });
        }
        var row = await db.ContentItems.SingleAsync(i => i.ContentItemId == item.ContentItemId && i.Latest);
        row.Status = ContentStatus.InReview;
        var reference = ReferenceOf(item.ContentItemId);
        db.AuditEntries.Add(new AuditEntry
        {
            ContentItemId = item.ContentItemId, ContentItemVersionId = item.ContentItemVersionId, ContentType = type, Action = AuditActions.Proposed,
            FromState = WorkflowStates.Draft, ToState = WorkflowStates.InReview, UserName = "anonymous", Comment = reference,
            Contact = string.IsNullOrEmpty(proposerEmail) ? null : proposerEmail, Culture = Culture, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        await mails.ProposalReceivedAsync(item, reference, proposerEmail, Culture);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return View("Thanks", new ProposalModel { Culture = Culture, Reference = reference, Title = item.DisplayText, ProposerEmail = proposerEmail });
    }

    /// <summary>A reference a person can read out on the phone: P- and the first ten characters of the item's id.</summary>
    public static string ReferenceOf(string contentItemId) => "P-" + contentItemId[..Math.Min(10, contentItemId.Length)].ToUpperInvariant();

    private bool TryReadStamp(string? stamp, out DateTimeOffset started)
    {
        started = default;
        if (string.IsNullOrEmpty(stamp)) return false;
        try
        {
            var seconds = long.Parse(Protector.Unprotect(stamp), CultureInfo.InvariantCulture);
            started = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return clock.GetUtcNow() - started < TimeSpan.FromDays(1);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return false;
        }
    }
}
