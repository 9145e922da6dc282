using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Hosting;
using Portal.Tests.Infrastructure;
using Portal.Tests.Moderation;

namespace Portal.Tests.Web;

/// <summary>
/// The page cache: anonymous answers are shared, never what a signed-in person sees nor a form's token, each answer
/// is stored compressed once per encoding, and the entity tags still give 304. A replayed answer carries an Age header.
/// </summary>
public sealed partial class PageCacheTests(PageCacheTests.DemoSite site) : IClassFixture<PageCacheTests.DemoSite>
{
    public sealed class DemoSite : IDisposable
    {
        public PortalFactory Factory { get; } = WorkflowTests.Site();
        public string Actor { get; }

        public DemoSite()
        {
            Factory.CreateClient().Dispose();
            Actor = "/fr/" + Factory.WithDbAsync(db => db.ContentItems.Where(i => i.ContentItemId == "gr-actor-001-fr" && i.Published).Select(i => i.Path).SingleAsync()).GetAwaiter().GetResult();
        }

        public void Dispose() => Factory.Dispose();
    }

    private static bool Replayed(HttpResponseMessage response) => response.Headers.Age is not null;

    /// <summary>
    /// The next answer for <paramref name="url"/> once the cache holds it: the cache stores an answer as its last byte
    /// leaves, so a request sent the moment the previous one is read can still arrive before it is stored.
    /// </summary>
    private static async Task<HttpResponseMessage> ReplayedAsync(HttpClient visitor, string url)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await visitor.GetAsync(url);
            if (Replayed(response) || attempt == 50) return response;
            response.Dispose();
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_second_anonymous_request_is_answered_from_the_cache_for_every_public_kind()
    {
        using var visitor = site.Factory.CreateClient();
        foreach (var url in new[] { "/fr", site.Actor, "/fr/recherche?q=sport", "/api/search?q=sport&culture=fr", "/api/map.geojson?culture=fr", "/api/search/suggest?q=spo&culture=fr", "/fr/actualites/rss.xml", "/sitemap.xml", "/api/open-data/directory.geojson" })
        {
            using var first = await visitor.GetAsync(url);
            first.StatusCode.Should().Be(HttpStatusCode.OK, url);
            using var second = await ReplayedAsync(visitor, url);
            second.StatusCode.Should().Be(HttpStatusCode.OK, url);
            Replayed(second).Should().BeTrue($"{url} is the same for every anonymous visitor");
            (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync(), url);
        }
        using var health = await visitor.GetAsync("/health");
        using var healthAgain = await visitor.GetAsync("/health");
        Replayed(healthAgain).Should().BeFalse("/health asks the database every time");
    }

    [Fact]
    public async Task A_replayed_answer_is_never_given_to_another_spelling_or_another_language()
    {
        // The cache comes before the canonical addresses and the languages: what it replays must still be theirs.
        using var visitor = site.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await visitor.GetAsync("/fr/acteurs")).Dispose();
        using (var cached = await ReplayedAsync(visitor, "/fr/acteurs")) Replayed(cached).Should().BeTrue();
        using var other = await visitor.GetAsync("/FR/Acteurs");
        other.StatusCode.Should().Be(HttpStatusCode.MovedPermanently, "another spelling is sent to the canonical address, even when that one is cached");
        other.Headers.Location!.OriginalString.Should().Be("/fr/acteurs");

        using var german = await visitor.GetAsync("/de/akteure");
        german.StatusCode.Should().Be(HttpStatusCode.OK);
        (await german.Content.ReadAsStringAsync()).Should().Contain("lang=\"de\"", "each language has its own answers");
    }

    [Fact]
    public async Task A_missing_page_keeps_its_error_page_on_every_request()
    {
        using var visitor = site.Factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var response = await visitor.GetAsync("/de/nirgendwo");
            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await response.Content.ReadAsStringAsync()).Should().Contain("<h1", $"request {i + 1} shows the error page");
        }
    }

    [Fact]
    public async Task A_signed_in_partner_never_receives_a_cached_anonymous_page_and_vice_versa()
    {
        using var visitor = site.Factory.CreateClient();
        using var partner = await WorkflowTests.SignedInAsync(site.Factory, "partner1@portal.example");

        // Anonymous first: cached, yet the partner gets a page made for them.
        (await visitor.GetAsync("/fr/actions?page=1")).StatusCode.Should().Be(HttpStatusCode.OK);
        Replayed(await ReplayedAsync(visitor, "/fr/actions?page=1")).Should().BeTrue();
        using var forPartner = await partner.GetAsync("/fr/actions?page=1");
        forPartner.StatusCode.Should().Be(HttpStatusCode.OK);
        Replayed(forPartner).Should().BeFalse("a signed-in person is never answered from the shared cache");

        // The partner first: what they were shown is not kept for the next visitor.
        using var partnerFirst = await partner.GetAsync("/fr/actions?page=2");
        partnerFirst.StatusCode.Should().Be(HttpStatusCode.OK);
        Replayed(await partner.GetAsync("/fr/actions?page=2")).Should().BeFalse();
        Replayed(await visitor.GetAsync("/fr/actions?page=2")).Should().BeFalse("nothing a signed-in person received was stored");
        Replayed(await ReplayedAsync(visitor, "/fr/actions?page=2")).Should().BeTrue("the visitor's own answer is");
    }

    [Fact]
    public async Task A_page_with_an_antiforgery_form_never_serves_another_visitors_token()
    {
        var tokens = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var visitor = site.Factory.CreateBrowser();
            using var response = await visitor.GetAsync("/fr/proposer?type=Action");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            Replayed(response).Should().BeFalse();
            tokens.Add(Regex.Match(await response.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
            // The same visitor again, now carrying the antiforgery cookie: still a token of their own.
            using var again = await visitor.GetAsync("/fr/proposer?type=Action");
            Replayed(again).Should().BeFalse();
            again.Headers.CacheControl!.NoStore.Should().BeTrue();
        }
        tokens.Should().OnlyHaveUniqueItems().And.NotContain("");
    }

    [Fact]
    public async Task An_answer_is_stored_compressed_once_per_encoding_and_given_to_each_browser_as_it_asks()
    {
        using var visitor = site.Factory.CreateClient();
        foreach (var url in new[] { site.Actor, "/api/map.geojson?culture=fr" })
        {
            var bodies = new Dictionary<string, string>();
            foreach (var (accept, expected) in new[] { ("br, gzip", "br"), ("gzip;q=1, br;q=0.5", "gzip"), ("", ""), ("gzip, deflate, br, zstd", "br"), ("identity", "") })
            {
                HttpResponseMessage response = null!;
                for (var attempt = 0; attempt < 50; attempt++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    if (accept.Length > 0) request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);
                    response = await visitor.SendAsync(request);
                    if (Replayed(response) || attempt == 49) break;
                    response.Dispose();
                    await Task.Delay(20);
                }
                using (response)
                {
                    Replayed(response).Should().BeTrue($"{url} for \"{accept}\" is replayed");
                    response.StatusCode.Should().Be(HttpStatusCode.OK);
                    string.Join(",", response.Content.Headers.ContentEncoding).Should().Be(expected, $"{url} for \"{accept}\"");
                    if (expected.Length > 0) response.Headers.Vary.Should().Contain("Accept-Encoding");
                    var bytes = await response.Content.ReadAsByteArrayAsync();
                    await using Stream decoded = expected switch
                    {
                        "br" => new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress),
                        "gzip" => new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress),
                        _ => new MemoryStream(bytes),
                    };
                    bodies[accept] = await new StreamReader(decoded).ReadToEndAsync();
                }
            }
            bodies.Values.Distinct().Should().ContainSingle($"{url} is the same answer in every encoding");
        }
    }

    [Fact]
    public async Task A_cached_answer_keeps_its_entity_tag_and_gives_304()
    {
        using var visitor = site.Factory.CreateClient();
        foreach (var url in new[] { "/fr/acteurs", site.Actor, "/api/search?q=atelier&culture=fr" })
        {
            using var first = await visitor.GetAsync(url);
            using var second = await ReplayedAsync(visitor, url);
            Replayed(second).Should().BeTrue(url);
            second.Headers.ETag.Should().Be(first.Headers.ETag, $"{url}: the replayed page has the tag it was rendered with");
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.IfNoneMatch.Add(second.Headers.ETag!);
            using var again = await visitor.SendAsync(request);
            again.StatusCode.Should().Be(HttpStatusCode.NotModified, url);
            using var head = await visitor.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            head.StatusCode.Should().Be(HttpStatusCode.OK, url);
            (await head.Content.ReadAsByteArrayAsync()).Should().BeEmpty(url);
        }
    }

    [Fact]
    public async Task The_setting_turns_the_cache_off()
    {
        using var factory = new PortalFactory().WithSetting(PageCache.EnabledSetting, "false");
        using var visitor = factory.CreateClient();
        (await visitor.GetAsync("/fr")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var again = await visitor.GetAsync("/fr");
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        Replayed(again).Should().BeFalse();
    }
}
