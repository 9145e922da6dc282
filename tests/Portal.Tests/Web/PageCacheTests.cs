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
/// keeps a nonce of its own, and the entity tags still give 304. A replayed answer carries an Age header.
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

    [GeneratedRegex("<script type=\"application/ld\\+json\" nonce=\"([^\"]+)\"")]
    private static partial Regex JsonLdNonce();

    private static string WithoutNonce(string body) => Regex.Replace(body, "nonce=\"[^\"]+\"", "nonce");

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
            WithoutNonce(await second.Content.ReadAsStringAsync()).Should().Be(WithoutNonce(await first.Content.ReadAsStringAsync()), url);
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
    public async Task A_304_from_the_cache_sends_no_policy_with_a_nonce_the_stored_page_does_not_hold()
    {
        using var visitor = site.Factory.CreateClient();
        using var first = await visitor.GetAsync("/fr/actualites");
        using var second = await ReplayedAsync(visitor, "/fr/actualites");
        Replayed(second).Should().BeTrue();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fr/actualites");
        request.Headers.IfNoneMatch.Add(second.Headers.ETag!);
        using var again = await visitor.SendAsync(request);
        again.StatusCode.Should().Be(HttpStatusCode.NotModified);
        again.Headers.Contains("Content-Security-Policy").Should().BeFalse("the browser keeps the policy stored with the page, whose nonce is in its body");
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
    public async Task A_replayed_page_carries_this_requests_nonce_in_its_policy_and_its_body()
    {
        using var visitor = site.Factory.CreateClient();
        var nonces = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = i == 0 ? await visitor.GetAsync(site.Actor) : await ReplayedAsync(visitor, site.Actor);
            var body = await response.Content.ReadAsStringAsync();
            var inBody = JsonLdNonce().Match(body).Groups[1].Value;
            inBody.Should().NotBeEmpty();
            CachedNonceMiddleware.NonceIn(response.Headers.GetValues("Content-Security-Policy").Single()).Should().Be(inBody);
            if (i > 0) Replayed(response).Should().BeTrue();
            nonces.Add(inBody);
        }
        nonces.Should().OnlyHaveUniqueItems("a nonce is never sent twice, even from the cache");
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
            second.Headers.ETag.Should().Be(first.Headers.ETag, $"{url}: the same page under a fresh nonce has the same tag");
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
