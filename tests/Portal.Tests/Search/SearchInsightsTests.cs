using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Security;
using Portal.Search.Insights;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>The base site with a small weekly maximum of queries; counts are flushed by the tests themselves.</summary>
public sealed class InsightsSite : IDisposable
{
    public PortalFactory Factory { get; } = new PortalFactory()
        .WithSetting("Portal:Search:Insights:MaxQueriesPerWeek", "3")
        .WithSetting("Portal:Search:Insights:FlushInterval", "01:00:00");

    public InsightsSite()
    {
        Factory.CreateClient().Dispose();
        SearchSite.CatchUpAsync(Factory).GetAwaiter().GetResult();
    }

    public Task FlushAsync() => Factory.Services.GetRequiredService<SearchInsightsJob>().FlushAsync();

    public Task<List<(string Key, string Json)>> DocumentsAsync() => Factory.WithDbAsync(async db =>
        (await db.Documents.AsNoTracking().Where(d => d.Key.StartsWith(SearchInsightsStore.Prefix)).Select(d => new { d.Key, d.Json }).ToListAsync())
            .Select(d => (d.Key, d.Json)).ToList());

    public void Dispose() => Factory.Dispose();
}

public sealed class SearchInsightsTests(InsightsSite site) : IClassFixture<InsightsSite>
{
    private static readonly HashSet<string> CounterNames = ["Culture", "Week", "Searches", "Dropped", "Queries", "Query", "Count", "Zero", "Few", "Relaxations"];

    private static string ThisWeek => IsoWeeks.Of(TimeProvider.System.GetUtcNow());

    private async Task<HttpClient> SignedInAsAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.example";
        await site.Factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
            (await users.CreateAsync(user, PortalFactory.AdminPassword)).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
        });
        var browser = site.Factory.CreateBrowser();
        (await browser.SignInAsync(email)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return browser;
    }

    private static IEnumerable<string> PropertyNames(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "Relaxations" ? [p.Key] : PropertyNames(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(PropertyNames),
        _ => [],
    };

    [Fact]
    public async Task Searches_are_counted_per_culture_and_week_as_aggregate_counters_without_addresses_or_accounts()
    {
        using var visitor = site.Factory.CreateClient();
        using var admin = site.Factory.CreateBrowser();
        (await admin.SignInAsync()).StatusCode.Should().Be(HttpStatusCode.Redirect);
        foreach (var url in new[]
        {
            "/fr/recherche?q=Fauteuil%20Roulant", "/fr/recherche?q=fauteuil%20roulant%20", "/api/search?culture=fr&q=FAUTEUIL%20roulant",
            "/fr/recherche?q=fauteuil%20roulant&page=2", "/fr/recherche?q=fauteuil%20roulant&type=Page",
            "/fr/recherche?q=mentions%20l%C3%A9gales", "/fr/recherche?q=jean.dupont%40example.org", "/fr/recherche?q=06%2012%2034%2056%2078",
        })
            (await visitor.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, url);
        (await admin.GetAsync("/de/suche?q=Rollstuhl")).StatusCode.Should().Be(HttpStatusCode.OK);
        await site.FlushAsync();

        var documents = await site.DocumentsAsync();
        documents.Select(d => d.Key).Should().Contain([SearchInsightsStore.KeyOf("fr", ThisWeek), SearchInsightsStore.KeyOf("de", ThisWeek)]);
        var french = JsonNode.Parse(documents.Single(d => d.Key == SearchInsightsStore.KeyOf("fr", ThisWeek)).Json)!;
        var queries = french["Queries"]!.AsArray().ToDictionary(q => q!["Query"]!.GetValue<string>(), q => q!);
        queries["fauteuil roulant"]!["Count"]!.GetValue<int>().Should().Be(3, "the first page without filters counts, in any case and spacing");
        queries["fauteuil roulant"]!["Zero"]!.GetValue<int>().Should().Be(3);
        queries["mentions legales"]!["Few"]!.GetValue<int>().Should().Be(1);
        queries["mentions legales"]!["Zero"]!.GetValue<int>().Should().Be(0);
        queries.Keys.Should().NotContain(k => k.Contains("dupont") || k.Any(char.IsAsciiDigit), "queries that look like personal data are not counted");

        var adminId = await site.Factory.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(PortalFactory.AdminEmail))!.Id);
        foreach (var (_, json) in documents)
        {
            PropertyNames(JsonNode.Parse(json)).Distinct().Should().BeSubsetOf(CounterNames);
            json.Should().NotContainAny("127.0.0.1", "::1", "localhost", PortalFactory.AdminEmail, adminId);
        }
    }

    [Fact]
    public async Task A_week_keeps_its_most_frequent_queries_up_to_the_maximum_and_weeks_past_the_retention_are_deleted()
    {
        await site.Factory.WithScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<SearchInsightsStore>();
            await store.AddAsync(new SearchWeekInsights
            {
                Culture = "de", Week = "2026-W02", Searches = 9,
                Queries = [new() { Query = "a", Count = 4 }, new() { Query = "b", Count = 3 }, new() { Query = "c", Count = 1, Zero = 1 }, new() { Query = "d", Count = 1 }],
            });
            var week = (await store.ReadAsync("de", "2026-W02"))!;
            week.Queries.Select(q => q.Query).Should().Equal("a", "b", "c");
            week.Dropped.Should().Be(1);
            await store.AddAsync(new SearchWeekInsights { Culture = "de", Week = "2019-W40", Searches = 1, Queries = [new() { Query = "old", Count = 1 }] });
        });
        await site.FlushAsync();
        (await site.DocumentsAsync()).Select(d => d.Key).Should().Contain(SearchInsightsStore.KeyOf("de", "2019-W40"));

        (await site.Factory.Services.GetRequiredService<SearchInsightsJob>().PurgeAsync()).Should().BeGreaterThanOrEqualTo(1);
        var keys = (await site.DocumentsAsync()).Select(d => d.Key).ToList();
        keys.Should().NotContain(SearchInsightsStore.KeyOf("de", "2019-W40"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Counts_held_in_memory_add_up_in_the_database_with_the_relaxations_applied(string provider)
    {
        using var factory = new PortalFactory(provider).WithSetting("Portal:Search:Insights:FlushInterval", "01:00:00");
        factory.CreateClient().Dispose();
        var recorder = factory.Services.GetRequiredService<SearchInsightsRecorder>();
        var job = factory.Services.GetRequiredService<SearchInsightsJob>();
        recorder.Record("fr", new Portal.Search.Engine.SearchQuery { Text = "Répit" }, 0, ["drop-place"]);
        recorder.Record("fr", new Portal.Search.Engine.SearchQuery { Text = "repit" }, 2, ["drop-place", "fuzzy"]);
        await job.FlushAsync();
        recorder.Record("fr", new Portal.Search.Engine.SearchQuery { Text = "répit " }, 40, []);
        recorder.Record("fr", new Portal.Search.Engine.SearchQuery { Text = "répit", Page = 2 }, 40, []);
        await job.FlushAsync();

        var week = await factory.WithScopeAsync(sp => sp.GetRequiredService<SearchInsightsStore>().ReadAsync("fr", ThisWeek));
        week!.Searches.Should().Be(3);
        var repit = week.Queries.Single();
        (repit.Query, repit.Count, repit.Zero, repit.Few).Should().Be(("repit", 3, 1, 1));
        repit.Relaxations.Should().BeEquivalentTo(new Dictionary<string, int> { ["drop-place"] = 2, ["fuzzy"] = 1 });
    }

    [Fact]
    public async Task Editors_see_the_insights_with_a_link_to_add_a_synonym_while_visitors_and_moderators_are_turned_away()
    {
        using var visitor = site.Factory.CreateClient();
        (await visitor.GetAsync("/fr/recherche?q=zzz%20introuvable")).StatusCode.Should().Be(HttpStatusCode.OK);
        await site.FlushAsync();

        using var anonymous = site.Factory.CreateBrowser();
        var denied = await anonymous.GetAsync("/admin/search/insights");
        denied.StatusCode.Should().Be(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().Should().Contain("/admin/login");
        using var moderator = await SignedInAsAsync("Moderator");
        (await moderator.GetAsync("/admin/search/insights")).Headers.Location!.ToString().Should().Contain("/admin/denied");

        using var editor = await SignedInAsAsync("Editor");
        var page = await editor.GetAsync($"/admin/search/insights?culture=fr&week={ThisWeek}");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("Requêtes sans résultat").And.Contain("zzz introuvable")
            .And.Contain("href=\"/admin/search/synonyms?add=zzz%20introuvable&amp;culture=fr\"").And.Contain("Ajouter un synonyme");
        html.Should().NotContain("style=\"").And.NotContain("<script>");
    }
}
