using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Search.Indexing;
using Portal.Search.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>A module that knows nothing of Search's code declares a facet and fills it through a contributor.</summary>
public sealed class SearchContributorTests
{
    private sealed class InitialContributor : ISearchIndexContributor
    {
        public Task ContributeAsync(SearchIndexContext context)
        {
            if (context.Title.Length > 0) context.AddFacetValues("initial", [char.ToLowerInvariant(context.Title[0]).ToString()]);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_facet_declared_by_a_module_is_filled_by_its_contributor_and_filters_the_search()
    {
        using var factory = new PortalFactory(recipe: "grande-region")
        {
            ConfigureTestServices = services =>
            {
                services.Configure<SearchOptions>(o => o.Facets.Add(new FacetDefinition { Name = "initial", Title = "Initial" }));
                services.AddScoped<ISearchIndexContributor, InitialContributor>();
            },
        };
        factory.CreateClient().Dispose();
        await SearchSite.CatchUpAsync(factory);
        using var client = factory.CreateClient();
        var all = JsonNode.Parse(await client.GetStringAsync("/api/search?culture=fr&pageSize=1"))!;
        var counts = all["facets"]!["initial"]!.AsArray().ToDictionary(v => v!["value"]!.GetValue<string>(), v => v!["count"]!.GetValue<int>());
        counts.Should().ContainKey("a");
        var filtered = JsonNode.Parse(await client.GetStringAsync("/api/search?culture=fr&f.initial=a&pageSize=100"))!;
        filtered["total"]!.GetValue<int>().Should().Be(counts["a"]);
        filtered["hits"]!.AsArray().Should().OnlyContain(h => h!["title"]!.GetValue<string>().StartsWith("A", StringComparison.OrdinalIgnoreCase));
    }
}
