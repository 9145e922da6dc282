using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Portal.Core.Security;
using Portal.Search.Insights;

namespace Portal.Search.Controllers;

/// <summary>/admin/search/insights: what visitors search for, per culture and ISO week, from aggregate counts only.</summary>
[RequirePermission(Permissions.ViewSearchInsights)]
public sealed class SearchInsightsController(SearchInsightsStore store, Portal.Core.Localization.Cultures cultures, TimeProvider clock,
    IOptions<SearchInsightsOptions> options) : Controller
{
    private const int Rows = 50;

    public sealed record Model(string Culture, string Week, IReadOnlyList<string> Weeks, SearchWeekInsights? Data, int FewResults,
        IReadOnlyList<QueryCount> Frequent, IReadOnlyList<QueryCount> Zero, IReadOnlyList<QueryCount> Few, IReadOnlyList<(string Name, int Count)> Relaxations);

    [HttpGet("/admin/search/insights")]
    public async Task<IActionResult> Index(string? culture, string? week)
    {
        culture = cultures.OrDefault(culture);
        var weeks = await store.WeeksAsync(culture);
        week = week is not null && weeks.Contains(week) ? week : weeks.FirstOrDefault() ?? IsoWeeks.Of(clock.GetUtcNow());
        var data = await store.ReadAsync(culture, week);
        var queries = data?.Queries ?? [];
        return View("Index", new Model(culture, week, weeks, data, options.Value.FewResults,
            queries.OrderByDescending(q => q.Count).ThenBy(q => q.Query, StringComparer.Ordinal).Take(Rows).ToList(),
            queries.Where(q => q.Zero > 0).OrderByDescending(q => q.Zero).ThenBy(q => q.Query, StringComparer.Ordinal).Take(Rows).ToList(),
            queries.Where(q => q.Few > 0).OrderByDescending(q => q.Few).ThenBy(q => q.Query, StringComparer.Ordinal).Take(Rows).ToList(),
            queries.SelectMany(q => q.Relaxations).GroupBy(r => r.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Sum(r => r.Value))).OrderByDescending(r => r.Item2).ToList()));
    }
}
