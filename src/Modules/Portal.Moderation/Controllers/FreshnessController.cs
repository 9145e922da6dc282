using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Localization;
using Portal.Core.Security;
using Portal.Directory;
using Portal.Moderation.Services;
using Portal.Taxonomies.Services;

namespace Portal.Moderation.Controllers;

/// <summary>/admin/freshness: the published entries not checked for N months, by age, type and territory.</summary>
[RequirePermission(Permissions.ViewFreshness)]
public sealed class FreshnessController(Portal.Core.Localization.Cultures cultures, FreshnessService freshness, VocabularyStore vocabularies, IContentDefinitionStore definitions, IStringLocalizer<FreshnessController> T) : Controller
{
    public sealed class FreshnessModel
    {
        public required List<StaleItem> Items { get; init; }
        public required IReadOnlyList<(string Name, string Label)> Types { get; init; }
        public required IReadOnlyList<(string Slug, string Label)> Territories { get; init; }
        public required Dictionary<string, string> TerritoryLabels { get; init; }
        public string? Type { get; init; }
        public string? Territory { get; init; }
        public int Total { get; init; }
    }

    [HttpGet("/admin/freshness")]
    public async Task<IActionResult> Index(string? type, string? territory)
    {
        if (!string.IsNullOrEmpty(type) && !DirectoryTypes.IsDirectoryType(type)) return BadRequest(T["Unknown type filter."].Value);
        var all = await freshness.StaleAsync();
        var culture = cultures.Current;
        var terms = (await vocabularies.GetAsync("territories"))?.Terms ?? [];
        var labels = terms.ToDictionary(t => t.Slug, t => t.LabelFor(culture, cultures));
        var types = new List<(string, string)>();
        foreach (var name in DirectoryTypes.All) types.Add((name, await definitions.TypeDisplayNameAsync(name, culture)));
        var items = all.Where(s => (string.IsNullOrEmpty(type) || s.Item.ContentType == type) && (string.IsNullOrEmpty(territory) || s.Territory == territory)).ToList();
        return View("Index", new FreshnessModel
        {
            Items = items, Types = types, Type = type, Territory = territory, Total = all.Count, TerritoryLabels = labels,
            Territories = all.Select(s => s.Territory).OfType<string>().Distinct().Select(t => (t, labels.GetValueOrDefault(t, t))).OrderBy(t => t.Item2, StringComparer.CurrentCulture).ToList(),
        });
    }
}
