using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.BrowserTests;

/// <summary>
/// Widgets on another site: a plain page served from a second local port embeds one widget with the script and
/// others in frames; they show their preset results, filter, draw markers, pass axe in both languages, and a frame
/// on an origin the widget does not allow is refused by the browser.
/// </summary>
public sealed partial class EmbedBrowserTests(SiteServer site) : IClassFixture<SiteServer>, IAsyncLifetime
{
    private static readonly string Axe = File.ReadAllText(Path.Combine(SiteServer.Root, "tests", "Portal.BrowserTests", "node_modules", "axe-core", "axe.min.js"));
    private readonly HttpListener _host = new();
    private readonly Dictionary<string, string> _pages = [];
    private string _hostUrl = "";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public Task InitializeAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _hostUrl = $"http://127.0.0.1:{port}";
        _host.Prefixes.Add(_hostUrl + "/");
        _host.Start();
        _ = Task.Run(ServeAsync);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _host.Close();
        return Task.CompletedTask;
    }

    /// <summary>The other site: plain HTML pages, nothing else.</summary>
    private async Task ServeAsync()
    {
        while (_host.IsListening)
        {
            HttpListenerContext context;
            try { context = await _host.GetContextAsync(); }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException) { return; }
            var body = Encoding.UTF8.GetBytes(_pages.GetValueOrDefault(context.Request.Url!.AbsolutePath, "<!DOCTYPE html><title>404</title>"));
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.StatusCode = _pages.ContainsKey(context.Request.Url.AbsolutePath) ? 200 : 404;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private async Task<string> CreateWidgetAsync(HttpClient admin, string name, string display, string origins)
    {
        var form = await admin.GetStringAsync("/admin/embed/new");
        var token = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value);
        var response = await admin.PostAsync("/admin/embed/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Name"] = name, ["Query"] = "type=Actor&type=Action&type=AidantSupport", ["Display"] = display,
            ["SearchBox"] = "true", ["Facets"] = "true", ["Culture"] = "", ["PageSize"] = "10", ["Palette"] = "blue", ["Origins"] = origins,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.OriginalString.Split('/')[^1];
    }

    private async Task<HttpClient> AdminAsync()
    {
        var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(site.BaseUrl) };
        var login = await admin.GetStringAsync("/admin/login");
        var token = WebUtility.HtmlDecode(Token().Match(login).Groups[1].Value);
        (await admin.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Email"] = SiteServer.AdminEmail, ["Password"] = SiteServer.AdminPassword,
        }))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return admin;
    }

    private static async Task<IReadOnlyList<string>> AxeAsync(IFrame frame, string context)
    {
        var json = await frame.EvaluateAsync<JsonElement>("async (selector) => (await axe.run(document.querySelector(selector) || document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })).violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))", context);
        return json.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    [Fact]
    public async Task Widgets_embedded_by_script_and_by_frame_work_on_another_site_and_only_there()
    {
        await site.WaitForSearchAsync();
        using var admin = await AdminAsync();
        var scripted = await CreateWidgetAsync(admin, "Annuaire (script)", "List", _hostUrl);
        var framed = await CreateWidgetAsync(admin, "Annuaire (cadre)", "Both", _hostUrl);
        var elsewhere = await CreateWidgetAsync(admin, "Ailleurs", "List", "https://elsewhere.example");
        var script = $"<script src=\"{site.BaseUrl}/_content/Portal.Embed/widget.js\"></script>";
        foreach (var lang in new[] { "fr", "de" })
        {
            _pages[$"/script-{lang}.html"] = $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>Host</title></head><body><main><h1>Host page</h1><div data-portal-widget=\"{scripted}\"></div></main>{script}</body></html>";
            _pages[$"/frame-{lang}.html"] = $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>Host</title></head><body><main><h1>Host page</h1>" +
                $"<iframe id=\"allowed\" src=\"{site.BaseUrl}/embed/{framed}?lang={lang}\" title=\"Directory\" width=\"100%\" height=\"150\"></iframe>" +
                $"<iframe id=\"refused\" src=\"{site.BaseUrl}/embed/{elsewhere}?lang={lang}\" title=\"Refused\" width=\"100%\" height=\"150\"></iframe></main>{script}</body></html>";
        }

        var browser = site.Browser;
        var context = await browser.NewContextAsync();
        await context.AddInitScriptAsync(Axe);
        var requests = new List<string>();
        // Only the two local origins are reachable (no map tiles, no third party), and every request is recorded.
        await context.RouteAsync("**/*", route =>
        {
            requests.Add(route.Request.Url);
            return route.Request.Url.StartsWith(site.BaseUrl, StringComparison.Ordinal) || route.Request.Url.StartsWith(_hostUrl, StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync();
        });
        var page = await context.NewPageAsync();

        foreach (var (lang, word, title, button) in new[] { ("fr", "boccia", "Boccia le mercredi", "Afficher les résultats"), ("de", "boccia", "Boccia am Mittwoch", "Ergebnisse anzeigen") })
        {
            // By script, inside a shadow root: the preset results, then a search inside it.
            await page.GotoAsync($"{_hostUrl}/script-{lang}.html");
            var widget = page.Locator("[data-portal-widget]");
            await widget.Locator(".pe-hit").First.WaitForAsync(new() { Timeout = 60_000 });
            (await page.EvaluateAsync<bool>("() => !!document.querySelector('[data-portal-widget]').shadowRoot")).Should().BeTrue();
            (await widget.Locator(".pe-widget").GetAttributeAsync("lang")).Should().Be(lang);
            (await widget.Locator(".pe-button").InnerTextAsync()).Should().Be(button, "the widget follows the host page's language");
            var before = await widget.Locator(".pe-hit").CountAsync();
            before.Should().BeGreaterThan(1, "the preset shows the organisations, activities and support of " + lang);
            (await AxeAsync(page.MainFrame, "[data-portal-widget]")).Should().BeEmpty($"the script widget in {lang}");
            await widget.Locator("input[name=q]").FillAsync(word);
            await widget.Locator("input[name=q]").PressAsync("Enter");
            await page.WaitForFunctionAsync("() => document.querySelector('[data-portal-widget]').shadowRoot.querySelectorAll('.pe-hit').length === 1", null, new() { Timeout = 60_000 });
            (await widget.Locator(".pe-hit a").InnerTextAsync()).Should().Contain(title);
            (await page.EvaluateAsync<string>("() => document.querySelector('[data-portal-widget]').shadowRoot.activeElement?.className ?? ''")).Should().Contain("pe-status", "the new count is announced");
            var facet = widget.Locator(".pe-facet input[type=checkbox]").First;
            if (await facet.CountAsync() > 0)
            {
                await widget.Locator("input[name=q]").FillAsync("");
                await facet.CheckAsync();
                await widget.Locator(".pe-button").ClickAsync();
                await page.WaitForFunctionAsync("() => document.querySelector('[data-portal-widget]').shadowRoot.querySelector('.pe-facet input:checked') !== null", null, new() { Timeout = 60_000 });
            }

            // In frames: the allowed one renders (with its markers and its height sent to the page), the other is refused.
            await page.GotoAsync($"{_hostUrl}/frame-{lang}.html");
            var frame = page.FrameLocator("#allowed");
            await frame.Locator(".pe-hit").First.WaitForAsync(new() { Timeout = 60_000 });
            await frame.Locator(".pe-map path.pe-marker").First.WaitForAsync(new() { Timeout = 60_000 });
            (await frame.Locator(".pe-button").InnerTextAsync()).Should().Be(button);
            await page.WaitForFunctionAsync("() => Number(document.getElementById('allowed').height) > 150", null, new() { Timeout = 60_000 });
            var inner = page.Frames.Single(f => f.Url.StartsWith($"{site.BaseUrl}/embed/{framed}", StringComparison.Ordinal));
            (await AxeAsync(inner, ".pe-widget")).Should().BeEmpty($"the framed widget in {lang}");
            await frame.Locator("input[name=q]").FillAsync(word);
            await frame.Locator(".pe-button").ClickAsync();
            await frame.Locator(".pe-status").Filter(new() { HasTextRegex = new Regex("^1 ") }).WaitForAsync(new() { Timeout = 60_000 });
            (await frame.Locator(".pe-hit a").InnerTextAsync()).Should().Contain(title);
            (await frame.Locator(".pe-hit a").GetAttributeAsync("target")).Should().Be("_top");

            await page.WaitForLoadStateAsync(LoadState.Load);
            var refused = await (await page.Locator("#refused").ElementHandleAsync()).ContentFrameAsync();
            refused.Should().NotBeNull();
            (await refused!.Locator(".pe-widget").CountAsync()).Should().Be(0, "the browser refuses a frame on an origin the widget does not allow");
            (await frame.Locator(".pe-widget").CountAsync()).Should().Be(1, "while the allowed frame beside it renders");
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "embed-frame.png"), FullPage = true });
        requests.Where(u => !u.StartsWith(site.BaseUrl, StringComparison.Ordinal) && !u.StartsWith(_hostUrl, StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal))
            .Should().OnlyContain(u => u.StartsWith("https://tile.openstreetmap.org/", StringComparison.Ordinal), "besides the site's own map tiles, the widgets request nothing from a third party");
        (await context.CookiesAsync([site.BaseUrl])).Should().BeEmpty("the widgets set no cookie");
        await context.CloseAsync();
    }
}
