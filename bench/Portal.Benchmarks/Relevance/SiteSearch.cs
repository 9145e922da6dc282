using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Portal.Search.Services;

namespace Portal.Benchmarks.Relevance;

/// <summary>The site's own search, as the search page asks it: the words read like the page's query string, first page of ten.</summary>
public static class SiteSearch
{
    public static RelevanceRun.Search Of(IServiceProvider services) => async (text, culture) =>
    {
        await using var scope = services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<SearchService>();
        var read = search.Read(new QueryCollection(new Dictionary<string, StringValues> { ["q"] = text, ["pageSize"] = "10" }));
        if (read.Query is null) throw new InvalidOperationException($"The search cannot read \"{text}\": {read.Error}");
        var result = (await search.SearchAsync(read.Query, culture)).Result;
        return new RelevanceAnswer(result.Hits.Select(h => h.Id).ToList(), result.Total);
    };

    /// <summary>Applies every content change to the indexes now, instead of waiting for the background worker.</summary>
    public static async Task CatchUpAsync(IServiceProvider services)
    {
        var manager = services.GetRequiredService<SearchIndexManager>();
        for (var i = 0; i < 100 && await manager.CatchUpAsync() > 0; i++) { }
    }
}
