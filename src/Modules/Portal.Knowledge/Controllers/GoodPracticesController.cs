using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Localization;
using Portal.Knowledge.Models;
using Portal.Knowledge.Services;
using Portal.Knowledge.ViewModels;

namespace Portal.Knowledge.Controllers;

/// <summary>The inspiring projects per culture (/fr/projets-inspirants, /de/gute-praxis) and the request to replicate one.</summary>
[AllowAnonymous]
public sealed class GoodPracticesController(GoodPracticeLibrary library, Taxonomies.Services.VocabularyStore vocabularies, ReplicationRequests requests, PortalDbContext db,
    Cultures cultures, IStringLocalizer<GoodPracticesController> T) : Controller
{
    public const string RateLimit = "replication-requests";

    [HttpGet("/{culture:culture}/{segment:localized(good-practices)}")]
    public async Task<IActionResult> Index(string culture, string segment, string? q)
    {
        var path = KnowledgeTypes.PathOf(KnowledgeTypes.GoodPractices, culture);
        if (KnowledgeTypes.Routes.Segment(KnowledgeTypes.GoodPractices, culture) != segment) return RedirectPermanent(path + Request.QueryString);
        if (q?.Length > 200) return BadRequest(T["The search text is too long."].Value);
        var selected = GoodPracticeLibrary.Facets
            .Select(f => (f.Name, Value: Request.Query[f.Name].ToString().Trim())).Where(f => f.Value.Length is > 0 and <= 100)
            .ToDictionary(f => f.Name, f => f.Value);
        var labels = new Dictionary<string, Taxonomies.Models.Vocabulary?>();
        foreach (var facet in GoodPracticeLibrary.Facets) labels[facet.Vocabulary] = await vocabularies.GetAsync(facet.Vocabulary);
        string Label(string vocabulary, string slug) => labels.GetValueOrDefault(vocabulary)?.Find(slug)?.LabelFor(culture, cultures) ?? slug;

        var result = await library.QueryAsync(culture, new GoodPracticeFilter(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), selected), Label);
        var titles = new Dictionary<string, string> { ["theme"] = T["Theme"], ["public"] = T["Public"], ["territory"] = T["Territory"], ["funding"] = T["Funding"] };
        var facets = GoodPracticeLibrary.Facets.Select(f => (f.Name, titles[f.Name],
            (IReadOnlyList<(string, string, int)>)result.Facets[f.Name].Select(v => (v.Value, Label(f.Vocabulary, v.Value), v.Count)).ToList(),
            selected.GetValueOrDefault(f.Name))).ToList();
        ViewData["Alternates"] = cultures.Supported.ToDictionary(c => c, c => KnowledgeTypes.PathOf(KnowledgeTypes.GoodPractices, c));
        return View(new GoodPracticeListViewModel { Culture = culture, BaseUrl = path, Query = q, Entries = result.Entries, Facets = facets, Label = Label });
    }

    [HttpGet("/{culture:culture}/{segment:localized(good-practices)}/{slug}/{replicate:localized(replicate)}")]
    public async Task<IActionResult> Replicate(string culture, string slug)
    {
        var project = await ProjectAsync(culture, slug);
        if (project is null) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return View(FormModel(project, culture, slug, new ReplicationForm(), new Dictionary<string, string>()));
    }

    [HttpPost("/{culture:culture}/{segment:localized(good-practices)}/{slug}/{replicate:localized(replicate)}"), EnableRateLimiting(RateLimit)]
    public async Task<IActionResult> Send(string culture, string slug)
    {
        var project = await ProjectAsync(culture, slug);
        if (project is null) return NotFound();
        var form = ReplicationForm.Read(Request.Form);
        var errors = form.Validate(T);
        Response.Headers.CacheControl = "no-store";
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Replicate", FormModel(project, culture, slug, form, errors));
        }
        await requests.SubmitAsync(project, form, culture);
        return View("Sent", new ReplicationSentViewModel(project.Title, $"/{culture}/{project.Item.Path}"));
    }

    private async Task<GoodPracticeDetails?> ProjectAsync(string culture, string slug)
    {
        if (slug.Length > 200) return null;
        var path = $"{KnowledgeTypes.Routes.Segment(KnowledgeTypes.GoodPractices, culture)}/{slug}".ToLowerInvariant();
        var item = await db.ContentItems.AsNoTracking()
            .FirstOrDefaultAsync(i => i.ContentType == KnowledgeTypes.GoodPractice && i.Published && i.Culture == culture && i.Path == path);
        return item is null ? null : new GoodPracticeDetails(item);
    }

    private static ReplicationFormViewModel FormModel(GoodPracticeDetails project, string culture, string slug, ReplicationForm form, Dictionary<string, string> errors) => new()
    {
        Project = project, ProjectUrl = $"/{culture}/{project.Item.Path}", Form = form, Errors = errors,
        ActionUrl = $"{KnowledgeTypes.PathOf(KnowledgeTypes.GoodPractices, culture)}/{slug}/{KnowledgeTypes.Routes.Segment(KnowledgeTypes.Replicate, culture)}",
    };
}
