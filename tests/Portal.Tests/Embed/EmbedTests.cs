using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Embed.Data;
using Portal.Embed.Services;
using Portal.Tests.Infrastructure;
using Portal.Tests.Search;
using Xunit.Abstractions;

namespace Portal.Tests.Embed;

/// <summary>Widgets defined in the back office, shown on other sites in a frame or by the script, and counted per week.</summary>
public sealed class EmbedTests(SearchSite site, ITestOutputHelper output) : IClassFixture<SearchSite>
{
    private const string Partner = "https://partner.example";

    private static List<KeyValuePair<string, string>> Form(string name, string query = "type=AidantSupport", string origins = Partner, string display = "Both") =>
    [
        new("Name", name), new("Query", query), new("Display", display), new("SearchBox", "true"), new("Facets", "true"),
        new("Culture", ""), new("PageSize", "5"), new("Palette", "green"), new("Origins", origins),
    ];

    private async Task<(HttpClient Admin, string Id)> CreateAsync(string name, string query = "type=AidantSupport", string origins = Partner)
    {
        var admin = site.Factory.CreateBrowser();
        (await admin.SignInAsync()).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var response = await admin.PostFormAsync("/admin/embed/new", "/admin/embed/new", Form(name, query, origins));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return (admin, response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    [Fact]
    public async Task A_widget_page_may_be_framed_by_its_allowed_origins_only_and_other_pages_by_nobody()
    {
        var (_, id) = await CreateAsync("Répit en Moselle");
        using var visitor = site.Factory.CreateClient();

        var frame = await visitor.GetAsync($"/embed/{id}?lang=de");
        frame.StatusCode.Should().Be(HttpStatusCode.OK);
        var policy = string.Join(" ", frame.Headers.GetValues("Content-Security-Policy"));
        policy.Should().EndWith($"frame-ancestors 'self' {Partner}");
        frame.Headers.Contains("X-Frame-Options").Should().BeFalse("frame-ancestors decides, and X-Frame-Options cannot name an origin");
        var html = await frame.Content.ReadAsStringAsync();
        html.Should().Contain("<html lang=\"de\"").And.Contain("class=\"pe-hit\"").And.Contain("target=\"_top\"");
        html.Should().Contain("Ergebnisse anzeigen").And.Contain("Suchbegriffe").And.NotContain("Afficher les résultats", "the whole widget speaks the host's language");

        var home = await visitor.GetAsync("/fr");
        string.Join(" ", home.Headers.GetValues("Content-Security-Policy")).Should().EndWith("frame-ancestors 'none'");
        home.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        (await visitor.GetAsync("/embed/no-such-widget")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_fragment_for_the_script_is_readable_by_the_allowed_origins_only_and_filters_within_the_preset()
    {
        var (_, id) = await CreateAsync("Aidants", "type=AidantSupport");
        using var visitor = site.Factory.CreateClient();

        var allowed = new HttpRequestMessage(HttpMethod.Get, $"/embed/{id}/part?lang=fr");
        allowed.Headers.Add("Origin", Partner);
        var response = await visitor.SendAsync(allowed);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(Partner);
        response.Headers.Contains("Access-Control-Allow-Credentials").Should().BeFalse();
        var all = await response.Content.ReadAsStringAsync();
        all.Should().Contain("lang=\"fr\"").And.Contain("class=\"pe-hit\"").And.Contain("href=\"http://localhost/fr/");

        var other = new HttpRequestMessage(HttpMethod.Get, $"/embed/{id}/part?lang=fr");
        other.Headers.Add("Origin", "https://elsewhere.example");
        (await visitor.SendAsync(other)).Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();

        var total = Total(all);
        var filtered = await visitor.GetStringAsync($"/embed/{id}/part?lang=fr&q=répit");
        Total(filtered).Should().BeGreaterThan(0).And.BeLessThan(total, "the visitor's words narrow the preset");
        var facet = System.Text.RegularExpressions.Regex.Match(all, "name=\"(f\\.[a-zA-Z]+)\" value=\"([^\"]+)\"");
        facet.Success.Should().BeTrue("the widget offers filters");
        var ticked = await visitor.GetStringAsync($"/embed/{id}/part?lang=fr&{facet.Groups[1].Value}={facet.Groups[2].Value}");
        Total(ticked).Should().BeLessThanOrEqualTo(total);
        ticked.Should().Contain($"value=\"{facet.Groups[2].Value}\" checked=\"checked\"");
        var types = await visitor.GetStringAsync($"/embed/{id}/part?lang=fr&type=Actor");
        Total(types).Should().Be(total, "a visitor cannot leave the preset");
    }

    private static int Total(string html) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(html, "class=\"pe-status\"[^>]*>(\\d+)").Groups[1].Value);

    [Fact]
    public async Task Loads_and_searches_are_counted_per_week_and_shown_in_the_back_office()
    {
        var (admin, id) = await CreateAsync("Compteur");
        using var visitor = site.Factory.CreateClient();
        await visitor.GetStringAsync($"/embed/{id}");
        await visitor.GetStringAsync($"/embed/{id}/part");
        await visitor.GetStringAsync($"/embed/{id}?q=repit");

        var usage = await site.Factory.WithScopeAsync(sp => sp.GetRequiredService<EmbedDbContext>().Usage.AsNoTracking().SingleAsync(u => u.WidgetId == id));
        (usage.Loads, usage.Searches).Should().Be((2, 1));
        usage.Week.Should().Be(WidgetUsage.WeekOf(DateTimeOffset.UtcNow));
        var list = await admin.GetStringAsync("/admin/embed");
        list.Should().Contain("Compteur").And.Contain(usage.Week).And.Contain("Intégrations");
        var edit = await admin.GetStringAsync($"/admin/embed/{id}");
        edit.Should().Contain($"&lt;div data-portal-widget=\"{id}\"&gt;").And.Contain($"src=\"http://localhost/embed/{id}?lang=");
    }

    [Fact]
    public async Task A_form_with_a_wrong_origin_or_query_says_so_per_field_and_keeps_what_was_typed()
    {
        var admin = site.Factory.CreateBrowser();
        await admin.SignInAsync();
        var response = await admin.PostFormAsync("/admin/embed/new", "/admin/embed/new", Form("Essai", "near=abc", "https://ok.example\nhttps://bad.example/path"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = Browser.Decode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("id=\"Origins-error\"").And.Contain("https://bad.example/path").And.Contain("id=\"Query-error\"");
        html.Should().Contain("value=\"Essai\"").And.Contain("value=\"near=abc\"");
        (await site.Factory.WithScopeAsync(sp => sp.GetRequiredService<EmbedDbContext>().Widgets.AnyAsync(w => w.Name == "Essai"))).Should().BeFalse();
    }

    [Fact]
    public void Every_palette_keeps_white_text_and_white_background_at_AA_contrast()
    {
        foreach (var palette in Palettes.All)
            Palettes.Contrast(palette.Accent, "#ffffff").Should().BeGreaterThanOrEqualTo(4.5, palette.Name);
        Palettes.Contrast("#777777", "#ffffff").Should().BeLessThan(4.5, "the check can fail");
    }

    [Fact]
    public async Task The_widget_script_is_small_and_sends_no_cookies()
    {
        using var visitor = site.Factory.CreateClient();
        var script = await visitor.GetByteArrayAsync("/_content/Portal.Embed/widget.js");
        var css = await visitor.GetByteArrayAsync("/_content/Portal.Embed/embed.css");
        var gzipped = Gzipped(script) + Gzipped(css);
        output.WriteLine($"widget.js + embed.css gzipped: {gzipped} bytes ({script.Length + css.Length} bytes raw)");
        Console.WriteLine($"embed widget_gzip_bytes={gzipped}");
        gzipped.Should().BeLessThan(30 * 1024);
        var text = System.Text.Encoding.UTF8.GetString(script);
        text.Should().Contain("credentials: 'omit'").And.NotContain("document.cookie").And.NotContain("https://");
    }

    private static int Gzipped(byte[] bytes)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(bytes);
        return (int)memory.Length;
    }
}
