using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.DataMigrations;
using Portal.Moderation.Services;
using Portal.Tests.Infrastructure;
using Portal.Tests.Search;

namespace Portal.Tests.Moderation;

/// <summary>
/// No account's e-mail on any public page, API, feed or export, whoever verified, approved or published what: the
/// public learns only the date and whether the organisation or the editorial team checked.
/// </summary>
public sealed class PersonalDataTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task After_verifications_approvals_and_publications_no_public_url_shows_an_account_email(string provider)
    {
        using var factory = WorkflowTests.Site(provider);
        using var visitor = factory.CreateClient();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var userIds = await factory.WithDbAsync(db => db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id));

        // Entries verified by older versions kept the login e-mail or free text: the migration turns them into markers, in every version.
        var legacy = await factory.WithDbAsync(db => db.ContentItems.Where(i => i.Published && i.ContentType == "Actor" && i.Culture == "fr")
            .OrderByDescending(i => i.ContentItemId).Select(i => i.ContentItemId).Take(3).ToListAsync());
        string[] oldValues = ["partner1@portal.example", "editor@portal.example", "Vérifié au téléphone"];
        await factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < legacy.Count; i++)
                foreach (var row in await db.ContentItems.Where(r => r.ContentItemId == legacy[i]).ToListAsync())
                    row.GetOrCreatePart("DirectoryEntryPart")["VerifiedBy"] = new JsonObject { ["Text"] = oldValues[i] };
            (await db.DataMigrations.SingleAsync(m => m.Name == typeof(Portal.Directory.Migrations).FullName)).Version = 2;
            return await db.SaveChangesAsync();
        });
        await factory.WithScopeAsync(sp => sp.GetRequiredService<DataMigrationRunner>().RunAllAsync());
        (await VerifiedByAsync(factory, legacy[0])).Should().Be("partner", "partner1 is linked to an organisation");
        (await VerifiedByAsync(factory, legacy[1])).Should().Be("editorial");
        (await VerifiedByAsync(factory, legacy[2])).Should().Be("editorial");

        // 1. partner1 says "still accurate" in their space.
        using var partner1 = await WorkflowTests.SignedInAsync(factory, "partner1@portal.example");
        var actor = await factory.WithDbAsync(db => db.ContentItems.SingleAsync(i => i.ContentItemId == "gr-actor-001-fr" && i.Published));
        (await partner1.PostFormAsync("/fr/espace-partenaire", $"/fr/espace-partenaire/{actor.ContentItemId}/verifier", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await VerifiedByAsync(factory, actor.ContentItemId)).Should().Be("partner");
        (await DateAsync(factory, actor.ContentItemId)).Should().Be(today);
        var page = Browser.Decode(await visitor.GetStringAsync($"/fr/{actor.Path}"));
        page.Should().Contain("vérifiée par la structure").And.NotContain("partner1");
        (await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.ContentItemId == actor.ContentItemId && a.Action == "Verified").Select(a => a.UserId).ToListAsync()))
            .Should().Equal(userIds["partner1@portal.example"]);

        // 2. partner2 follows the signed link of a reminder.
        var partner2 = userIds["partner2@portal.example"];
        var partner2Actor = await factory.WithDbAsync(async db =>
        {
            var linked = await db.UserClaims.Where(c => c.UserId == partner2 && c.ClaimType == PartnerScope.ClaimType).Select(c => c.ClaimValue).FirstAsync();
            return await db.ContentItems.SingleAsync(i => i.ContentItemId == linked && i.Published);
        });
        var token = factory.Services.GetRequiredService<VerificationTokens>().Create(partner2Actor.ContentItemId, partner2);
        var link = $"/{partner2Actor.Culture}/verification/{Uri.EscapeDataString(token)}";
        using (var mailReader = factory.CreateBrowser())
            (await mailReader.PostFormAsync(link, link, [])).StatusCode.Should().Be(HttpStatusCode.OK);
        (await VerifiedByAsync(factory, partner2Actor.ContentItemId)).Should().Be("partner");
        Browser.Decode(await visitor.GetStringAsync($"/{partner2Actor.Culture}/{partner2Actor.Path}"))
            .Should().Contain(partner2Actor.Culture == "de" ? "vom Anbieter bestätigt" : "vérifiée par la structure");

        // 3. partner1's change to an action, approved by the moderator: a verification by the organisation, today.
        var action = await WorkflowTests.Partner1ActionAsync(factory);
        (await DateAsync(factory, action.ContentItemId)).Should().NotBe(today);
        var edit = $"/fr/espace-partenaire/{action.ContentItemId}";
        (await partner1.SubmitAsync(edit, edit, ("Action.Schedule.Text", "Le lundi à 9 h 30"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var moderator = await WorkflowTests.SignedInAsync(factory, "moderator@portal.example");
        var review = $"/admin/review/{action.ContentItemId}";
        (await moderator.PostFormAsync(review, $"{review}/approve", [new("comment", "")])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await DateAsync(factory, action.ContentItemId)).Should().Be(today);
        (await VerifiedByAsync(factory, action.ContentItemId)).Should().Be("partner");
        Browser.Decode(await visitor.GetStringAsync($"/fr/{action.Path}")).Should().Contain("Le lundi à 9 h 30").And.Contain("vérifiée par la structure");

        // 4. The editor corrects and publishes an entry: a verification by the editorial team, today.
        var support = await factory.WithDbAsync(db => db.ContentItems.Where(i => i.Published && i.ContentType == "AidantSupport" && i.Culture == "fr").OrderBy(i => i.ContentItemId).FirstAsync());
        using var editor = await WorkflowTests.SignedInAsync(factory, "editor@portal.example");
        var form = $"/admin/content/item/{support.ContentItemId}";
        (await editor.SubmitAsync(form, form, ("TitlePart.Title.Text", support.DisplayText + " (corrigé)"), ("submit", "publish"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await DateAsync(factory, support.ContentItemId)).Should().Be(today);
        (await VerifiedByAsync(factory, support.ContentItemId)).Should().Be("editorial");
        var supportPath = await factory.WithDbAsync(db => db.ContentItems.Where(i => i.ContentItemId == support.ContentItemId && i.Published).Select(i => i.Path).SingleAsync());
        Browser.Decode(await visitor.GetStringAsync($"/fr/{supportPath}")).Should().Contain("par l'équipe éditoriale");

        // Every public address, then: none shows the e-mail of any account of the site.
        await SearchSite.CatchUpAsync(factory);
        var emails = await factory.WithDbAsync(db => db.Users.Select(u => u.Email!).ToListAsync());
        emails.Should().HaveCountGreaterThanOrEqualTo(5);
        Leaks("<p>vérifiées par Partner1@Portal.example</p>", emails).Should().NotBeEmpty("the scan itself finds an e-mail when there is one");
        var crawled = await PublicUrlsAsync(visitor);
        crawled.Count.Should().BeGreaterThan(400);
        var failures = new List<string>();
        foreach (var url in crawled)
        {
            using var response = await visitor.GetAsync(url);
            if ((int)response.StatusCode >= 500) failures.Add($"{url}: {(int)response.StatusCode}");
            foreach (var leak in Leaks(await response.Content.ReadAsStringAsync(), emails)) failures.Add($"{url}: {leak}");
        }
        failures.Should().BeEmpty();
    }

    private static Task<string?> VerifiedByAsync(PortalFactory factory, string id) => factory.WithDbAsync(async db =>
        (await db.ContentItems.SingleAsync(i => i.ContentItemId == id && i.Published)).Field("DirectoryEntryPart", "VerifiedBy")?["Text"]?.GetValue<string>());

    private static Task<string?> DateAsync(PortalFactory factory, string id) => factory.WithDbAsync(async db =>
        (await db.ContentItems.SingleAsync(i => i.ContentItemId == id && i.Published)).Field("DirectoryEntryPart", "LastVerified")?["Value"]?.GetValue<string>());

    /// <summary>The accounts' e-mails, and any address of the demo domains, found in a response (HTML, JSON or URL escapes undone).</summary>
    private static List<string> Leaks(string body, IEnumerable<string> emails)
    {
        var text = Regex.Replace(body, @"\\u([0-9a-fA-F]{4})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
        text = WebUtility.HtmlDecode(text.Replace("%40", "@", StringComparison.OrdinalIgnoreCase));
        return emails.Append("@portal.example").Append("@portal.localhost").Where(e => text.Contains(e, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>
    /// Every address of the sitemap (with its alternates), the APIs page by page, the feeds and exports, and every link of
    /// the home, list and open-data pages.
    /// </summary>
    private static async Task<HashSet<string>> PublicUrlsAsync(HttpClient visitor)
    {
        var urls = new HashSet<string>(StringComparer.Ordinal);
        var sitemap = XDocument.Parse(await visitor.GetStringAsync("/sitemap.xml"));
        foreach (var element in sitemap.Descendants())
        {
            var address = element.Name.LocalName == "loc" ? element.Value : element.Name.LocalName == "link" ? element.Attribute("href")?.Value : null;
            if (address is not null) urls.Add(new Uri(address).PathAndQuery);
        }
        var total = JsonNode.Parse(await visitor.GetStringAsync("/api/content?pageSize=100"))!["total"]!.GetValue<int>();
        for (var page = 1; page <= (total + 99) / 100; page++) urls.Add($"/api/content?pageSize=100&page={page}");
        foreach (var culture in new[] { "fr", "de" })
        {
            urls.UnionWith([
                $"/{culture}", $"/api/search?culture={culture}", $"/api/search?culture={culture}&q=metz", $"/api/search/suggest?culture={culture}&q=me",
                $"/api/search/suggest?culture={culture}&q=partner", $"/api/map.geojson?culture={culture}", $"/api/map.geojson?culture={culture}&zoom=16",
            ]);
        }
        urls.UnionWith(["/api/open-data/data-inclusion/structures.json", "/api/open-data/data-inclusion/services.json", "/api/open-data/directory.geojson",
            "/fr/actualites/rss.xml", "/de/aktuelles/rss.xml", "/robots.txt"]);
        string[] hubs = ["/fr", "/de", "/fr/acteurs", "/de/akteure", "/fr/actions", "/de/angebote", "/fr/aidants", "/de/angehoerige", "/fr/donnees-ouvertes", "/de/offene-daten", "/fr/actualites", "/de/aktuelles"];
        foreach (var hub in hubs)
        {
            using var response = await visitor.GetAsync(hub);
            response.StatusCode.Should().Be(HttpStatusCode.OK, hub);
            foreach (Match link in Regex.Matches(await response.Content.ReadAsStringAsync(), "href=\"(/[^/\"][^\"]*)\""))
                urls.Add(WebUtility.HtmlDecode(link.Groups[1].Value));
        }
        return urls;
    }
}
