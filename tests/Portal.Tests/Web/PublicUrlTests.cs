using System.Net;
using Microsoft.Extensions.Configuration;
using Portal.Core.Hosting;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>Absolute links come from Portal:PublicUrl, never from the Host or X-Forwarded-Host a client sends.</summary>
public sealed class PublicUrlTests(PublicUrlTests.ConfiguredSite site) : IClassFixture<PublicUrlTests.ConfiguredSite>
{
    public const string Configured = "https://portal.example";

    public sealed class ConfiguredSite : IDisposable
    {
        public PortalFactory Factory { get; } = new PortalFactory(recipe: "grande-region").WithSetting("Portal:PublicUrl", Configured);

        public ConfiguredSite() => Factory.CreateClient().Dispose();

        public void Dispose() => Factory.Dispose();
    }

    /// <summary>A request that claims, through every header a client controls, to be for evil.example.</summary>
    private static HttpRequestMessage Forged(HttpMethod method, string url, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        request.Headers.Add("X-Forwarded-Proto", "http");
        request.Headers.Add("X-Original-Host", "evil.example");
        return request;
    }

    private static void OnlyTheConfiguredAddress(string text, string what)
    {
        text.Should().Contain(Configured, what).And.NotContain("evil.example", what).And.NotContain("http://localhost", what);
    }

    [Fact]
    public async Task A_request_for_another_host_is_refused()
    {
        using var client = site.Factory.CreateClient();
        var forged = new HttpRequestMessage(HttpMethod.Get, "/sitemap.xml");
        forged.Headers.Host = "evil.example";
        (await client.SendAsync(forged)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var own = new HttpRequestMessage(HttpMethod.Get, "/sitemap.xml");
        own.Headers.Host = "portal.example";
        (await client.SendAsync(own)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/sitemap.xml")).StatusCode.Should().Be(HttpStatusCode.OK, "loopback names stay allowed for local runs and probes");
    }

    [Fact]
    public async Task Sitemap_feeds_robots_json_ld_and_open_data_link_to_the_configured_address_only()
    {
        using var client = site.Factory.CreateClient();
        async Task<string> Read(string url)
        {
            var response = await client.SendAsync(Forged(HttpMethod.Get, url));
            response.StatusCode.Should().Be(HttpStatusCode.OK, url);
            return await response.Content.ReadAsStringAsync();
        }
        var sitemap = await Read("/sitemap.xml");
        OnlyTheConfiguredAddress(sitemap, "sitemap");
        OnlyTheConfiguredAddress(await Read("/robots.txt"), "robots.txt");
        OnlyTheConfiguredAddress(await Read("/fr/actualites/rss.xml"), "RSS");
        OnlyTheConfiguredAddress(await Read("/api/open-data/data-inclusion/structures.json"), "open data");

        var actor = System.Text.RegularExpressions.Regex.Match(sitemap, $"<loc>{Configured}(/fr/acteurs/[^<]+)</loc>").Groups[1].Value;
        actor.Should().NotBeEmpty();
        var page = await Read(actor);
        var jsonLd = System.Text.RegularExpressions.Regex.Match(page, "<script type=\"application/ld\\+json\"[^>]*>(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        OnlyTheConfiguredAddress(jsonLd, "JSON-LD");
    }

    [Fact]
    public async Task A_proposal_sent_with_a_forged_host_mails_links_to_the_configured_address_only()
    {
        using var visitor = site.Factory.CreateBrowser();
        const string form = "/fr/proposer?type=Action";
        var html = await visitor.SendAsync(Forged(HttpMethod.Get, form));
        var fields = Browser.FormFields(await html.Content.ReadAsStringAsync(), form);
        await Task.Delay(3100); // a person takes a few seconds to fill the form
        foreach (var (name, value) in new[]
        {
            ("TitlePart.Title.Text", "Marche nordique adaptée"), ("Action.Actor.ContentItemIds", "gr-actor-001-fr"),
            ("Action.Description.Markdown", "Une activité proposée."), ("Action.Domains.Terms", "sport"), ("proposerEmail", "visiteur@example.org"),
        })
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        (await visitor.SendAsync(Forged(HttpMethod.Post, form, new FormUrlEncodedContent(fields)))).StatusCode.Should().Be(HttpStatusCode.OK);

        var folder = Path.Combine(site.Factory.DataDirectory, "mail");
        List<MimeKit.MimeMessage> mails = [];
        for (var i = 0; i < 100 && !mails.Any(m => (m.TextBody ?? "").Contains("/admin/review/")); i++)
        {
            await Task.Delay(200);
            mails = System.IO.Directory.Exists(folder)
                ? [.. System.IO.Directory.GetFiles(folder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).Where(m => (m.TextBody ?? "").Contains("Marche nordique adaptée"))]
                : [];
        }
        var review = mails.Should().ContainSingle(m => (m.TextBody ?? "").Contains("/admin/review/")).Subject;
        review.TextBody.Should().Contain($"{Configured}/admin/review/");
        foreach (var mail in mails) (mail.TextBody ?? "").Should().NotContain("evil.example").And.NotContain("localhost");
    }
}

/// <summary>Where Portal:PublicUrl is required, and what it defaults to on loopback.</summary>
public sealed class PublicUrlSettingTests
{
    private static PublicUrl From(params (string Key, string Value)[] settings) =>
        PublicUrl.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080")]
    [InlineData("http://localhost:5000;http://[::1]:5000", "http://localhost:5000")]
    public void On_loopback_the_own_address_is_the_default(string urls, string expected) =>
        From(("urls", urls)).Base.Should().Be(expected);

    [Fact]
    public void Without_any_address_kestrels_loopback_default_is_used() => From().Base.Should().Be("http://localhost:5000");

    [Theory]
    [InlineData("urls", "http://0.0.0.0:8080")]
    [InlineData("urls", "http://127.0.0.1:5080;http://*:80")]
    [InlineData("http_ports", "8080")]
    [InlineData("Kestrel:Endpoints:Public:Url", "https://portal.example.org:443")]
    public void Listening_beyond_loopback_without_the_setting_stops_the_start_naming_it(string key, string value) =>
        FluentActions.Invoking(() => From((key, value))).Should().Throw<PortalConfigurationException>().WithMessage("*Portal:PublicUrl*");

    [Fact]
    public void The_configured_address_wins_and_a_wrong_one_is_refused()
    {
        var url = From(("Portal:PublicUrl", "https://portal.example.org/"), ("urls", "http://0.0.0.0:8080"));
        (url.Base, url.Host, url.For("/sitemap.xml")).Should().Be(("https://portal.example.org", "portal.example.org", "https://portal.example.org/sitemap.xml"));
        FluentActions.Invoking(() => From(("Portal:PublicUrl", "portal.example.org"))).Should().Throw<PortalConfigurationException>().WithMessage("*Portal:PublicUrl*");
        FluentActions.Invoking(() => From(("Portal:PublicUrl", "ftp://portal.example.org"))).Should().Throw<PortalConfigurationException>();
    }
}
