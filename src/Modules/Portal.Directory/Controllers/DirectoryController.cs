using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Localization;
using Portal.Directory.ViewModels;
using Portal.Taxonomies.Fields;
using Portal.Taxonomies.Services;

namespace Portal.Directory.Controllers;

/// <summary>The list of published actors, actions or aidant supports of a culture, by title, paged.</summary>
[AllowAnonymous]
public sealed class DirectoryController(PortalDbContext db, Cultures cultures, VocabularyStore vocabularies, IStringLocalizer<DirectoryController> T) : Controller
{
    private const int PageSize = 30;

    [HttpGet("/{culture:culture}/{segment:localized(Actor|Action|AidantSupport)}")]
    public async Task<IActionResult> List(string culture, string segment, string? page)
    {
        var type = DirectoryTypes.TypeOfSegment(segment)!;
        // /de/acteurs is the French word in a German address: send the visitor to /de/akteure.
        if (DirectoryTypes.Segment(type, culture) != segment) return RedirectPermanent($"/{culture}/{DirectoryTypes.Segment(type, culture)}{Request.QueryString}");
        if (!QueryValues.TryPage(page, out var pageNumber)) return BadRequest(T["The page number must be a whole number from 1 to {0}.", QueryValues.MaxPage].Value);

        // The entries of this language, and those written in another language only (marked so), by title.
        var published = await db.ContentItems.AsNoTracking().Where(i => i.Published && i.ContentType == type)
            .Select(i => new { i.Id, i.Culture, Set = i.LocalizationSet ?? i.ContentItemId, i.DisplayText }).ToListAsync();
        var sets = published.GroupBy(i => i.Set).ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(i => i.Culture).ToHashSet(StringComparer.Ordinal));
        var listed = published.Where(i => LocalizationSets.IsListedIn(culture, i.Culture, sets[i.Set], cultures))
            .OrderBy(i => i.DisplayText, StringComparer.Ordinal).ThenBy(i => i.Id).Select(i => i.Id).ToList();
        var total = listed.Count;
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (pageNumber > pageCount) return NotFound();
        var ids = listed.Skip(QueryValues.Offset(pageNumber, PageSize)).Take(PageSize).ToList();
        var rows = await db.ContentItems.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync();
        var items = ids.Select(id => rows.First(r => r.Id == id)).ToList();
        var territories = await vocabularies.GetAsync("territories");
        string? Commune(ContentItem item) =>
            item.As<Portal.Core.Content.Parts.AddressPart>().Commune.Text
            ?? TaxonomyTermsFieldType.Terms(item.Field(type, "Territory")).Select(s => territories?.Find(s)?.LabelFor(culture, cultures)).FirstOrDefault();

        var heading = type switch
        {
            DirectoryTypes.Actor => T["Organisations"].Value,
            DirectoryTypes.Action => T["Activities and services"].Value,
            _ => T["Support for caregivers"].Value,
        };
        ViewData["Alternates"] = cultures.Supported.ToDictionary(c => c, c => $"/{c}/{DirectoryTypes.Segment(type, c)}");
        return View("List", new DirectoryListViewModel
        {
            ContentType = type, Heading = heading, Items = items.Select(i => (i, Commune(i))).ToList(),
            Total = total, Page = pageNumber, PageCount = pageCount, BaseUrl = $"/{culture}/{segment}",
        });
    }
}
