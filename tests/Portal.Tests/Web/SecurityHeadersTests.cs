using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Tests.Infrastructure;
using Portal.Tests.Moderation;

namespace Portal.Tests.Web;

/// <summary>
/// Every kind of page carries a Content-Security-Policy under which only the site's own files run and style, and its
/// HTML obeys it: no inline script (JSON-LD data blocks aside), no style element, no style or event-handler attribute.
/// </summary>
public sealed partial class SecurityHeadersTests(SecurityHeadersTests.DemoSite site) : IClassFixture<SecurityHeadersTests.DemoSite>
{
    public sealed class DemoSite : IDisposable
    {
        public PortalFactory Factory { get; } = WorkflowTests.Site();

        public DemoSite() => Factory.CreateClient().Dispose();

        public void Dispose() => Factory.Dispose();
    }

    [GeneratedRegex("<(script|style)\\b([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex("<[a-zA-Z][^>]*\\s(style|on[a-z]+)\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleOrHandlerAttribute();

    /// <summary>The answer's policy is strict and the page obeys it.</summary>
    internal static void ShouldBeStrict(HttpResponseMessage response, string html, string url)
    {
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        var directives = policy.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        directives["script-src"].Should().NotContain("unsafe-inline", url).And.NotContain("unsafe-eval", url);
        directives["style-src"].Should().NotContain("unsafe-inline", url);
        directives["frame-ancestors"].Should().Be("frame-ancestors 'none'", url);
        directives["object-src"].Should().Be("object-src 'none'", url);
        directives["img-src"].Should().Contain("data:", url).And.Contain("https:", url);
        directives["script-src"].Should().Be("script-src 'self'", url);
        directives["style-src"].Should().Be("style-src 'self'", url);

        response.Headers.GetValues("X-Frame-Options").Should().Equal(["DENY"], url);
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal(["nosniff"], url);
        response.Headers.GetValues("Referrer-Policy").Should().Equal(["strict-origin-when-cross-origin"], url);
        response.Headers.GetValues("Permissions-Policy").Single().Should().Contain("geolocation=(self)", url);

        foreach (Match element in ScriptOrStyle().Matches(html))
        {
            var attributes = element.Groups[2].Value;
            element.Groups[1].Value.Should().Be("script", $"{url} takes its styles from stylesheets");
            // A file of this site ('self'), or data that runs nothing (the browser applies no script policy to it).
            if (attributes.Contains(" src=\"/")) continue;
            attributes.Trim().Should().Be("type=\"application/ld+json\"", $"{element.Value} on {url} would be inline code, which the policy refuses");
        }
        StyleOrHandlerAttribute().Match(html).Value.Should().BeEmpty($"{url} has no style or on… attribute");
    }

    private static async Task CheckAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(expected, url);
        ShouldBeStrict(response, await response.Content.ReadAsStringAsync(), url);
    }

    [Fact]
    public async Task Public_pages_are_strict()
    {
        var actor = await site.Factory.WithDbAsync(db => db.ContentItems.Where(i => i.ContentItemId == "gr-actor-001-fr").Select(i => i.Path).SingleAsync());
        var news = await site.Factory.WithDbAsync(db => db.ContentItems.Where(i => i.ContentItemId == "gr-news-1-fr").Select(i => i.Path).SingleAsync());
        using var visitor = site.Factory.CreateClient();
        foreach (var url in new[]
        {
            "/fr", "/de", "/fr/acteurs", "/fr/actions", $"/fr/{actor}", "/fr/recherche?q=sport", "/fr/carte", "/de/karte", "/fr/actualites", $"/fr/{news}",
            "/fr/plan-du-site", "/fr/donnees-ouvertes", "/fr/proposer?type=Action", "/admin/login",
        })
            await CheckAsync(visitor, url);
        await CheckAsync(visitor, "/fr/nulle-part", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Back_office_and_partner_pages_are_strict()
    {
        using var admin = site.Factory.CreateBrowser();
        (await admin.SignInAsync()).StatusCode.Should().Be(HttpStatusCode.Redirect);
        foreach (var url in new[]
        {
            "/admin", "/admin/content/Actor", "/admin/content/Actor/new", "/admin/content/item/gr-actor-001-fr", "/admin/content/Page/new",
            "/admin/taxonomies", "/admin/review", "/admin/freshness", "/admin/users", "/admin/users/invite", "/admin/roles", "/admin/import", "/admin/account/security",
        })
            await CheckAsync(admin, url);
        using var partner = await WorkflowTests.SignedInAsync(site.Factory, "partner1@portal.example");
        foreach (var url in new[] { "/fr/espace-partenaire", "/fr/espace-partenaire/gr-actor-001-fr", "/fr/espace-partenaire/nouveau/Action?actor=gr-actor-001-fr" })
            await CheckAsync(partner, url);
    }

    [Fact]
    public async Task The_site_colours_come_from_a_stylesheet_of_the_site()
    {
        using var visitor = site.Factory.CreateClient();
        var href = Regex.Match(await visitor.GetStringAsync("/fr"), "<link rel=\"stylesheet\" href=\"(/theme/colors\\.css\\?v=[0-9a-f]+)\">").Groups[1].Value;
        href.Should().NotBeEmpty();
        var css = await visitor.GetAsync(href);
        css.Content.Headers.ContentType!.MediaType.Should().Be("text/css");
        css.Headers.CacheControl!.ToString().Should().Contain("immutable");
        (await css.Content.ReadAsStringAsync()).Should().MatchRegex(":root \\{ --primary: #[0-9a-fA-F]{3,8}; --accent: #[0-9a-fA-F]{3,8}; \\}");
        (await visitor.GetAsync("/theme/colors.css?v=old")).Headers.CacheControl!.NoCache.Should().BeTrue("an outdated version is not kept");
    }

    [Fact]
    public async Task Cookies_are_secure_on_https_and_kestrel_sends_no_server_header()
    {
        using var https = site.Factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var login = await https.GetAsync("/admin/login");
        login.Headers.GetValues("Set-Cookie").Should().NotBeEmpty().And.OnlyContain(c => c.Contains("; secure"));
        using var http = site.Factory.CreateClient();
        (await http.GetAsync("/admin/login")).Headers.GetValues("Set-Cookie").Should().NotContain(c => c.Contains("; secure"));
        site.Factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader.Should().BeFalse();
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_in_production_only()
    {
        using var production = new PortalFactory { Environment = "Production" }.WithSetting("Portal:PublicUrl", "https://portal.example");
        async Task<bool> HstsAsync(PortalFactory factory)
        {
            using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://portal.example") });
            return (await client.GetAsync("/fr")).Headers.Contains("Strict-Transport-Security");
        }
        (await HstsAsync(production)).Should().BeTrue();
        using var development = new PortalFactory().WithSetting("Portal:PublicUrl", "https://portal.example");
        (await HstsAsync(development)).Should().BeFalse();
    }

    [Fact]
    public async Task Frame_ancestors_come_from_the_setting()
    {
        using var factory = new PortalFactory().WithSetting("Portal:Security:FrameAncestors", "'self' https://partner.example");
        var response = await factory.CreateClient().GetAsync("/fr");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().EndWith("frame-ancestors 'self' https://partner.example");
        response.Headers.Contains("X-Frame-Options").Should().BeFalse("the policy allows other sites, which DENY would contradict");
    }
}
