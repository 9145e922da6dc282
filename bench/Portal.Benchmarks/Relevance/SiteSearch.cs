using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Portal.Search.Services;

namespace Portal.Benchmarks.Relevance;

/// <summary>
/// The site's own search, as the search page asks it: the words read like the page's query string, first page of ten,
/// through the place search (a place named among the words becomes the centre of the search, as on the page).
/// </summary>
public static class SiteSearch
{
    public static RelevanceRun.Search Of(IServiceProvider services) => async (text, culture) =>
    {
        await using var scope = services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<SearchService>();
        var read = search.Read(new QueryCollection(new Dictionary<string, StringValues> { ["q"] = text, ["pageSize"] = "10" }));
        if (read.Query is null) throw new InvalidOperationException($"The search cannot read \"{text}\": {read.Error}");
        var placed = await scope.ServiceProvider.GetRequiredService<PlaceSearch>().SearchAsync(read, culture);
        if (placed.Response is null) throw new InvalidOperationException($"The search cannot answer \"{text}\": {placed.Error}");
        var result = placed.Response.Result;
        var place = placed.Response.Place is { } p ? $"place={p.Label}/{p.Scope}/{p.RadiusKm?.ToString(System.Globalization.CultureInfo.InvariantCulture)} words=\"{p.Words}\"" : "";
        var relaxed = string.Join(',', result.Relaxations.Select(r => r.Kind + (r.Words.Count > 0 ? ":" + string.Join('+', r.Words) : "")));
        return new RelevanceAnswer(result.Hits.Select(h => h.Id).ToList(), result.Total, (place + " " + relaxed).Trim());
    };

    /// <summary>Applies every content change to the indexes now, instead of waiting for the background worker.</summary>
    public static async Task CatchUpAsync(IServiceProvider services)
    {
        var manager = services.GetRequiredService<SearchIndexManager>();
        for (var i = 0; i < 100 && await manager.CatchUpAsync() > 0; i++) { }
    }
}
