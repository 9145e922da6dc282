using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Hosting;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

public sealed class SearchTests(SearchSite site) : IClassFixture<SearchSite>
{
    private async Task<JsonObject> SearchAsync(string query)
    {
        using var client = site.Factory.CreateClient();
        var response = await client.GetAsync("/api/search?" + query);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static IEnumerable<string> Titles(JsonObject result) => result["hits"]!.AsArray().Select(h => h!["title"]!.GetValue<string>());

    private static Dictionary<string, int> Counts(JsonObject result, string facet) =>
        result["facets"]![facet]!.AsArray().ToDictionary(v => v!["value"]!.GetValue<string>(), v => v!["count"]!.GetValue<int>());

    [Fact]
    public async Task Words_typed_without_accents_find_accented_words()
    {
        var result = await SearchAsync("culture=fr&q=repit&pageSize=50");
        result["total"]!.GetValue<int>().Should().BeGreaterThan(5);
        Titles(result).Should().Contain(t => t.Contains("répit", StringComparison.OrdinalIgnoreCase));
        result["hits"]![0]!["snippetHtml"]!.GetValue<string>().Should().Contain("<mark>");

        var german = await SearchAsync("culture=de&q=tagespflege&pageSize=5");
        german["total"]!.GetValue<int>().Should().BeGreaterThan(0);
        Titles(german).Should().OnlyContain(t => t.Length > 0);
        german["hits"]![0]!["url"]!.GetValue<string>().Should().StartWith("/de/");
    }

    [Fact]
    public async Task A_facets_counts_do_not_change_when_one_of_its_values_is_selected()
    {
        var all = await SearchAsync("culture=fr");
        var fees = Counts(all, "fees");
        fees.Should().ContainKey("gratuit").And.HaveCountGreaterThan(1);

        var selected = await SearchAsync("culture=fr&f.fees=gratuit");
        Counts(selected, "fees").Should().BeEquivalentTo(fees, "a facet is counted without its own filter");
        selected["total"]!.GetValue<int>().Should().Be(fees["gratuit"]);
        selected["facets"]!["fees"]!.AsArray().Single(v => v!["value"]!.GetValue<string>() == "gratuit")!["selected"]!.GetValue<bool>().Should().BeTrue();
        // The other facets are narrowed by it.
        Counts(selected, "type").Values.Sum().Should().Be(fees["gratuit"]);
    }

    [Fact]
    public async Task Two_facets_return_exactly_the_items_tagged_with_both()
    {
        // What the content says, read through the content API.
        var expected = new HashSet<string>();
        using var client = site.Factory.CreateClient();
        for (var page = 1; ; page++)
        {
            var list = JsonNode.Parse(await client.GetStringAsync($"/api/content?culture=fr&pageSize=100&page={page}"))!;
            var items = list["items"]!.AsArray();
            foreach (var item in items)
            {
                var fields = item!["fields"]!.AsObject();
                bool Has(string field, string term) => fields.Any(part => part.Value?[field]?["Terms"]?.AsArray().Any(t => t!.GetValue<string>() == term) == true);
                if (Has("Fees", "gratuit") && Has("Languages", "de")) expected.Add(item["id"]!.GetValue<string>());
            }
            if (page * 100 >= list["total"]!.GetValue<int>()) break;
        }
        expected.Should().NotBeEmpty();

        var found = new HashSet<string>();
        var result = await SearchAsync("culture=fr&f.fees=gratuit&f.language=de&pageSize=100");
        foreach (var hit in result["hits"]!.AsArray()) found.Add(hit!["id"]!.GetValue<string>());
        result["total"]!.GetValue<int>().Should().Be(expected.Count);
        found.Should().BeEquivalentTo(expected);

        // OR inside a facet: free or membership covers at least the free ones.
        var either = await SearchAsync("culture=fr&f.fees=gratuit&f.fees=adhesion&f.language=de");
        either["total"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(expected.Count);
    }

    [Fact]
    public async Task Near_filters_by_distance_and_sorts_nearest_first()
    {
        var result = await SearchAsync("culture=fr&near=49.1193,6.1757&radius=8&sort=distance&pageSize=100");
        var distances = result["hits"]!.AsArray().Select(h => h!["distanceKm"]!.GetValue<double>()).ToList();
        distances.Should().NotBeEmpty().And.OnlyContain(d => d <= 8).And.BeInAscendingOrder();

        var box = await SearchAsync("culture=fr&bbox=6.0,49.0,6.3,49.2&pageSize=100");
        box["hits"]!.AsArray().Should().OnlyContain(h => h!["lat"]!.GetValue<double>() >= 49.0 && h["lat"]!.GetValue<double>() <= 49.2
            && h["lon"]!.GetValue<double>() >= 6.0 && h["lon"]!.GetValue<double>() <= 6.3);
    }

    [Fact]
    public async Task Sorting_by_title_and_by_verification_date_orders_every_page()
    {
        var byTitle = Titles(await SearchAsync("culture=fr&type=Action&sort=title&pageSize=100")).ToList();
        byTitle.Should().HaveCountGreaterThan(50);
        byTitle.Select(Portal.Search.Engine.TextFolding.Fold).Should().BeInAscendingOrder(StringComparer.Ordinal);
        var secondPage = Titles(await SearchAsync("culture=fr&type=Action&sort=title&pageSize=50&page=2")).ToList();
        secondPage.Should().Equal(byTitle.Skip(50).Take(50));

        var updated = (await SearchAsync("culture=fr&sort=updated&type=AidantSupport&pageSize=100"))["hits"]!.AsArray()
            .Select(h => h!["lastVerified"]!.GetValue<string>()).ToList();
        updated.Should().BeInDescendingOrder(StringComparer.Ordinal);
    }

    public static TheoryData<string> Garbage => new()
    {
        "culture=fr&q=title:*%20OR%20%5B", "culture=fr&q=*", "culture=fr&q=" + new string('a', 10_000), "culture=fr&q=%22", "culture=fr&q=AND%20OR%20NOT",
        "culture=fr&q=~1%5E2", "culture=fr&q=%5C", "culture=fr&q=(((", "culture=fr&q=%00", "culture=fr&f.nope=1", "culture=fr&type=Nope", "culture=fr&bbox=abc",
        "culture=fr&bbox=10,50,0,40", "culture=fr&bbox=-200,0,0,10", "culture=fr&near=1000,0", "culture=fr&near=49,6&radius=-1", "culture=fr&near=49,6&radius=NaN",
        "culture=fr&radius=3", "culture=fr&sort=distance", "culture=fr&sort=x", "culture=fr&page=0", "culture=fr&page=99999999999", "culture=fr&pageSize=1000",
        "culture=fr&page=5000&pageSize=100", "culture=zz", "", "culture=fr&f.fees=" + new string('x', 300),
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task Garbage_queries_get_a_result_or_a_400_never_a_500(string query)
    {
        using var client = site.Factory.CreateClient();
        foreach (var url in new[] { "/api/search?" + query, "/fr/recherche?" + query, "/api/search/suggest?" + query.Replace("culture=fr&", "culture=fr&q=x&") })
        {
            var response = await client.GetAsync(url);
            ((int)response.StatusCode).Should().BeOneOf([200, 400], url);
        }
    }

    [Fact]
    public async Task The_search_page_works_as_a_plain_form_in_both_languages()
    {
        using var client = site.Factory.CreateClient();
        var page = await client.GetStringAsync("/fr/recherche?q=&f.fees=gratuit&type=AidantSupport");
        page.Should().Contain("<html lang=\"fr\"").And.Contain("id=\"f-fees-gratuit\" checked").And.Contain("id=\"f-type-AidantSupport\" checked")
            .And.Contain("résultats").And.Contain("Retirer le filtre").And.Contain("class=\"hits\"");

        var german = await client.GetStringAsync("/de/suche?q=pflege&f.fees=gratuit");
        german.Should().Contain("<html lang=\"de\"").And.Contain("Kostenlos").And.Contain("Ergebnisse").And.Contain("Eingrenzen");
        (await client.GetAsync("/de/recherche")).StatusCode.Should().Be(HttpStatusCode.OK, "the French word redirects to the German page");
        (await client.GetStringAsync("/fr")).Should().Contain("action=\"/fr/recherche\"", "the home page's search box leads to the search page");

        var empty = await client.GetStringAsync("/fr/recherche?q=zzqqxxwwvvunlikely");
        empty.Should().Contain("Aucun résultat pour cette recherche");
    }

    [Fact]
    public async Task Only_search_managers_can_rebuild_the_index()
    {
        using var anonymous = site.Factory.CreateBrowser();
        (await anonymous.GetAsync("/admin/search")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var admin = site.Factory.CreateBrowser();
        await Browser.SignInAsync(admin, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var status = await admin.GetStringAsync("/admin/search");
        status.Should().Contain("Français").And.Contain("Deutsch");
        var response = await Browser.PostFormAsync(admin, "/admin/search", "/admin/search/rebuild", []);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await SearchSite.CatchUpAsync(site.Factory);
        (await SearchAsync("culture=fr&q=repit"))["total"]!.GetValue<int>().Should().BeGreaterThan(5);
    }

    [Fact]
    public async Task The_content_journal_forgets_changes_older_than_thirty_days()
    {
        await site.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Portal.Core.Data.PortalDbContext>();
            var old = DateTime.UtcNow.AddDays(-45);
            db.ContentChanges.Add(new ContentChange { ContentItemId = "gone-1", ContentType = "Action", Kind = ContentChangeKind.Published, CreatedUtc = old });
            db.ContentChanges.Add(new ContentChange { ContentItemId = "gone-2", ContentType = "Action", Kind = ContentChangeKind.Removed, CreatedUtc = old });
            await db.SaveChangesAsync();
            var manager = sp.GetRequiredService<Portal.Search.Services.SearchIndexManager>();
            (await manager.PruneJournalAsync(db)).Should().Be(2);
            (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ContentChanges, c => c.ContentItemId.StartsWith("gone-"))).Should().Be(0);
            (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.ContentChanges)).Should().BeTrue("recent changes stay");
        });
        // The index still answers as before.
        (await SearchAsync("culture=fr&q=repit"))["total"]!.GetValue<int>().Should().BeGreaterThan(5);
    }

    [Fact]
    public async Task The_rebuild_command_reports_each_culture()
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var command = scope.ServiceProvider.GetServices<IPortalCommand>().Single(c => c.Name == "search");
        var output = new StringWriter();
        var code = await command.RunAsync(scope.ServiceProvider, ["rebuild"], output, new StringWriter());
        code.Should().Be(0);
        output.ToString().Should().Contain("fr: ").And.Contain("de: ");
    }
}
