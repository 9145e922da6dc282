using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Web;

/// <summary>
/// What an anonymous request costs the database once the site runs: settings, definitions, vocabularies and workflows
/// are read models in memory, so a search, the map and suggestions run no command at all, a page only what it shows.
/// </summary>
public sealed class DatabaseCommandBudgetTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Each_page_kind_runs_no_more_database_commands_than_its_budget(string provider)
    {
        var counter = new CommandCounter();
        using var factory = new PortalFactory(provider, recipe: "grande-region") { ConfigureTestServices = counter.AddTo };
        using var client = factory.CreateClient();
        var details = await factory.WithDbAsync(db => db.ContentItems.AsNoTracking()
            .Where(i => i.Published && i.ContentType == "Action" && i.Path != null && i.Culture == "fr").OrderBy(i => i.Id).Select(i => i.Path!).Take(2).ToListAsync());
        details.Should().HaveCount(2);
        var actors = await factory.WithDbAsync(db => db.ContentItems.AsNoTracking()
            .Where(i => i.Published && i.ContentType == "Actor" && i.Path != null && i.Culture == "fr").OrderBy(i => i.Id).Select(i => i.Path!).Take(2).ToListAsync());
        actors.Should().HaveCount(2);

        (string Url, int Budget)[] pages =
        [
            ("/api/search?culture=fr&q=sport", 0),
            ("/api/search?culture=fr&q=aidants&page=2", 0),
            ("/api/map.geojson?culture=fr", 0),
            ("/api/search/suggest?culture=fr&q=spo", 0),
            ("/health", 1),
            // The item with its translations (alternates) in one command, its organisation in one; the menus from memory.
            ("/fr/" + details[1], 2),
            // An organisation: itself with its translations in one command, the offers that name it in one.
            ("/fr/" + actors[1], 2),
            ("/fr", 4),
        ];
        // Warm up: the first request of each kind loads the read models (and the first detail page its kind's).
        foreach (var url in pages.Select(p => p.Url).Append("/fr/" + details[0]).Append("/fr/" + actors[0]).Append("/api/search?culture=fr&q=warm"))
            (await client.GetAsync(url.Replace(details[1], details[0]).Replace(actors[1], actors[0]))).StatusCode.Should().Be(HttpStatusCode.OK, url);
        counter.Clear();

        var measured = new List<string>();
        foreach (var (url, budget) in pages)
        {
            (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, url);
            measured.Add($"{url}: {counter.For(url)} (budget {budget})");
            measured.AddRange(counter.SqlOf(url).Select(sql => "    " + sql.ReplaceLineEndings(" ")[..Math.Min(160, sql.ReplaceLineEndings(" ").Length)]));
        }
        output.WriteLine(string.Join("\n", measured));
        foreach (var (url, budget) in pages)
            counter.For(url).Should().BeLessThanOrEqualTo(budget, $"{url} ran:\n{string.Join("\n---\n", counter.SqlOf(url))}");
    }
}
