using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Hosting;
using Portal.Core.Localization;
using Portal.Resources.Services;
using Portal.Resources.ViewModels;
using Portal.Taxonomies.Services;

namespace Portal.Resources.Controllers;

/// <summary>The resource library per culture: /fr/ressources, /de/ressourcen, with facets and a search in the documents' text.</summary>
[AllowAnonymous]
public sealed class ResourcesController(ResourceLibrary library, IContentDefinitionStore definitions, VocabularyStore vocabularies, Cultures cultures,
    IStringLocalizer<ResourcesController> T) : Controller
{
    [HttpGet("/{culture:culture}/{segment:localized(resources)}")]
    public async Task<IActionResult> Library(string culture, string segment, string? q, string? kind, string? side, string? theme, string? year)
    {
        if (ResourceTypes.Segment(culture) != segment) return RedirectPermanent($"/{culture}/{ResourceTypes.Segment(culture)}{Request.QueryString}");
        if (q?.Length > 200 || kind?.Length > 50 || side?.Length > 50 || theme?.Length > 100) return BadRequest(T["The search text is too long."].Value);
        int? yearNumber = int.TryParse(year, out var y) && y is > 1900 and < 2200 ? y : null;
        var filter = new ResourceFilter(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), OrNull(kind), OrNull(side), OrNull(theme), yearNumber);
        var result = await library.QueryAsync(culture, filter);

        var part = await definitions.GetPartAsync(ResourceTypes.Resource);
        string OptionLabel(string field, string value) =>
            part?.Fields.FirstOrDefault(f => f.Name == field)?.Settings.Options.FirstOrDefault(o => o.Value == value)?.LabelFor(culture, cultures) ?? value;
        var domains = await vocabularies.GetAsync("domains");
        var facets = new[]
        {
            ("kind", T["Kind"].Value, filter.Kind, (Func<string, string>)(v => OptionLabel("Kind", v))),
            ("side", T["Country or side"].Value, filter.Side, v => OptionLabel("Side", v)),
            ("theme", T["Theme"].Value, filter.Theme, v => domains?.Find(v)?.LabelFor(culture, cultures) ?? v),
            ("year", T["Year"].Value, filter.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), v => v),
        }.Select(f => (f.Item1, f.Item2,
            (IReadOnlyList<(string, string, int)>)result.Facets[f.Item1].Select(v => (v.Value, f.Item4(v.Value), v.Count)).ToList(), f.Item3)).ToList();

        ViewData["Alternates"] = cultures.Supported.ToDictionary(c => c, c => $"/{c}/{ResourceTypes.Segment(c)}");
        return View(new LibraryViewModel
        {
            Culture = culture, BaseUrl = $"/{culture}/{ResourceTypes.Segment(culture)}", Filter = filter, Entries = result.Entries,
            Facets = facets, KindLabel = v => OptionLabel("Kind", v),
        });
    }

    private static string? OrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
