using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Benchmarks.Relevance;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>The relevance benchmark in its short form: its judged sets are sound, and it runs on both seed recipes and prints its figures.</summary>
public sealed class RelevanceRunTests
{
    private static readonly string[] Kinds = ["typed", "typo", "synonym", "place", "other-language", "question", RelevanceSet.Nothing];

    private static IReadOnlyList<RelevanceSet> Sets() => RelevanceSet.LoadAll(Path.Combine(AppContext.BaseDirectory, "relevance"));

    [Fact]
    public void The_judged_sets_hold_at_least_100_queries_of_every_kind_in_french_and_german_on_both_seed_recipes()
    {
        var sets = Sets();
        sets.Select(s => s.Recipe).Should().BeEquivalentTo(["grande-region", "seine-saint-denis"]);
        sets.Sum(s => s.Queries.Count).Should().BeGreaterThanOrEqualTo(100);
        foreach (var set in sets)
        {
            set.Queries.Select(q => q.Kind).Distinct().Should().BeEquivalentTo(Kinds, set.Recipe);
            set.Queries.Select(q => q.Culture).Distinct().Should().Contain(["fr", "de"], set.Recipe);
            set.Queries.Should().OnlyContain(q => q.Why.Length > 0 && (q.Kind == RelevanceSet.Nothing) == (q.Expected.Count == 0));
        }
    }

    [Theory]
    [InlineData("grande-region")]
    [InlineData("seine-saint-denis")]
    public async Task The_short_run_finds_every_judged_item_in_the_recipe_runs_each_query_and_prints_the_summary_line(string recipe)
    {
        var set = Sets().Single(s => s.Recipe == recipe);
        using var factory = new PortalFactory(recipe: recipe);
        factory.CreateClient().Dispose();
        await SiteSearch.CatchUpAsync(factory.Services);

        var judged = set.Queries.SelectMany(q => q.Expected).ToHashSet(StringComparer.Ordinal);
        var published = await factory.WithDbAsync(db => db.ContentItems.Where(i => i.Published && judged.Contains(i.ContentItemId)).Select(i => i.ContentItemId).Distinct().ToListAsync());
        judged.Except(published).Should().BeEmpty("every judged item is a published item of the recipe");

        var outcomes = await RelevanceRun.RunAsync(recipe, set.Queries, SiteSearch.Of(factory.Services), passes: 0);
        outcomes.Should().HaveCount(set.Queries.Count);
        using var output = new StringWriter();
        RelevanceRun.Print(outcomes, output, details: false);
        var lines = output.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines[^1].Should().MatchRegex($@"^relevance queries={set.Queries.Count} zero=\d+ recall_at_10=\d\.\d{{3}} mrr=\d\.\d{{3}} p95_ms=\d+\.\d{{2}}$");
        lines.Should().Contain(l => Regex.IsMatch(l, $@"^{Regex.Escape(recipe)}\s+typed\s+\d+\s+\d\.\d{{3}}"));
    }
}
