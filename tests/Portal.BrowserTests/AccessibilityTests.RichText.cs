using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.BrowserTests;

/// <summary>
/// The rich-text editor of the HTML fields: written with the keyboard only (a heading, a list, a link, an image of the media
/// library with its text alternative), saved, and shown on the public page; the editor page and its dialogs pass axe and
/// HTML_CodeSniffer in both languages and run under the Content-Security-Policy.
/// </summary>
public sealed partial class AccessibilityTests
{
    private const string EditorReady = ".rte:not([hidden]) .rte-area[contenteditable=true]";

    [Fact]
    public async Task An_editor_writes_a_news_item_with_the_keyboard_only_and_the_public_page_shows_it()
    {
        var image = Path.Combine(SiteServer.Root, "src", "Themes", "Portal.Theme", "wwwroot", "icons", "icon-512.png");
        if (!File.Exists(image)) image = Path.Combine(SiteServer.Root, "src", "Themes", "Portal.Theme", "wwwroot", "icons", "icon-192.png");
        var page = await SignedInAsync(SiteServer.AdminEmail);
        await CultureAsync(page, "fr");
        await page.SetViewportSizeAsync(1280, 900);

        // An image of the library, described in both languages.
        await page.GotoAsync(site.BaseUrl + "/admin/media/upload");
        await page.SetInputFilesAsync("#File", image);
        await page.FillAsync("#Alt_fr", "Le ballon rouge du club");
        await page.FillAsync("#Alt_de", "Der rote Ball des Vereins");
        await page.ClickAsync("form[action='/admin/media/upload'] button[type=submit]");
        await page.WaitForURLAsync(new Regex("/admin/media/[0-9A-Za-z]{26}$"));

        await page.GotoAsync(site.BaseUrl + "/admin/content/News/new");
        await page.WaitForSelectorAsync(EditorReady);
        (await page.IsHiddenAsync("#HtmlBodyPart_Body")).Should().BeTrue("the editor stands in for the textarea");
        await page.FillAsync("#TitlePart_Title", "Tournoi de sarbacane");
        await page.FillAsync("#News_Summary", "Un tournoi ouvert à tous, le 12 décembre.");
        await page.SelectOptionAsync("#LocalizationPart_Culture", "fr");

        // Keyboard only from here: Tab reaches the toolbar (one stop), then the text.
        await page.FocusAsync("#News_Summary");
        await TabToAsync(page, "e.matches('.rte-toolbar button') && e.tabIndex === 0", "the toolbar");
        (await page.EvaluateAsync<string>("() => document.activeElement.dataset.action")).Should().Be("h2", "the toolbar's first button takes the focus");
        await page.Keyboard.PressAsync("Enter");
        await WaitForFocusAsync(page, "e.matches('.rte-area')", "the text after a toolbar button");
        await page.Keyboard.TypeAsync("Programme du tournoi");
        (await page.GetAttributeAsync(".rte-button[data-action=h2]", "aria-pressed")).Should().Be("true", "the button says the heading is on");
        await page.Keyboard.PressAsync("Enter");

        await ToolbarButtonAsync(page, "bulletList");
        await page.Keyboard.PressAsync("Enter");
        await WaitForFocusAsync(page, "e.matches('.rte-area')", "the text");
        await page.Keyboard.TypeAsync("Accueil à 9 h");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Matchs à 10 h");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");

        await page.Keyboard.TypeAsync("Inscriptions");
        await page.Keyboard.PressAsync("Shift+Home");
        await page.Keyboard.PressAsync("Control+k");
        await WaitForFocusAsync(page, "e.matches('dialog[open] input[type=url]')", "the link dialog's address");
        await page.Keyboard.TypeAsync("javascript:alert(1)");
        await page.Keyboard.PressAsync("Enter");
        (await page.IsVisibleAsync("dialog[open] [data-rte-error]")).Should().BeTrue("an unsafe address is refused in the dialog");
        await CheckAsync(page, "the link dialog with its error (fr)");
        await page.Keyboard.PressAsync("Control+a");
        await page.Keyboard.TypeAsync("https://example.org/inscription");
        await page.Keyboard.PressAsync("Enter");
        await WaitForFocusAsync(page, "e.matches('.rte-area')", "the text after the link");
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Enter");

        await ToolbarButtonAsync(page, "image");
        await page.Keyboard.PressAsync("Enter");
        await WaitForFocusAsync(page, "e.matches('dialog[open] select')", "the image list");
        for (var i = 0; i < 50 && await page.EvaluateAsync<string>("() => document.activeElement.selectedOptions[0]?.dataset.alt ?? ''") != "Le ballon rouge du club"; i++)
            await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Tab");
        await WaitForFocusAsync(page, "e.matches('dialog[open] [data-rte-alt]')", "the alternative text");
        (await page.InputValueAsync("dialog[open] [data-rte-alt]")).Should().Be("Le ballon rouge du club", "the library's text is proposed");
        await page.Keyboard.PressAsync("Control+a");
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.PressAsync("Enter");
        (await page.IsVisibleAsync("dialog[open] [data-rte-error]")).Should().BeTrue("an image goes in only with its text alternative");
        await CheckAsync(page, "the image dialog with its error (fr)");
        await ShotAsync(page, "editor-image-dialog-fr");
        await page.Keyboard.TypeAsync("Le ballon rouge du tournoi");
        await page.Keyboard.PressAsync("Enter");
        await WaitForFocusAsync(page, "e.matches('.rte-area')", "the text after the image");
        (await page.EvaluateAsync<string[]>("() => window.__cspViolations || []")).Should().BeEmpty("the editor runs under the Content-Security-Policy");
        await ShotAsync(page, "editor-fr");

        (await SubmitAsync(page, "button[value='publish']")).Should().Be(302);
        var view = page.Locator("a[href^='/fr/actualites/']", new() { HasTextString = "Voir sur le site" });
        var href = await view.GetAttributeAsync("href") ?? throw new InvalidOperationException("no link to the published news");
        await page.GotoAsync(site.BaseUrl + href);
        var body = page.Locator("main .body-html");
        (await body.Locator("h2").TextContentAsync()).Should().Be("Programme du tournoi");
        (await body.Locator("ul li").AllTextContentsAsync()).Should().Equal("Accueil à 9 h", "Matchs à 10 h");
        (await body.Locator("a[href='https://example.org/inscription']").TextContentAsync()).Should().Be("Inscriptions");
        var shown = body.Locator("img[alt='Le ballon rouge du tournoi']");
        (await shown.GetAttributeAsync("src"))!.Should().StartWith("/media/");
        await page.WaitForFunctionAsync("() => { const i = document.querySelector(\"main .body-html img\"); return i && i.complete && i.naturalWidth > 0; }");
        await CheckAsync(page, "the news written in the editor");
        await ShotAsync(page, "news-rich-text-fr");
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_rich_text_editor_page_passes_axe_and_html_codesniffer_in_both_languages()
    {
        foreach (var culture in new[] { "fr", "de" })
        {
            var page = await NewCheckedPageAsync();
            await CultureAsync(page, culture);
            await page.GotoAsync(site.BaseUrl + "/admin/login");
            await page.FillAsync("#Email", SiteServer.AdminEmail);
            await page.FillAsync("#Password", SiteServer.AdminPassword);
            await page.ClickAsync("form[action='/admin/login'] button");
            await page.WaitForURLAsync(site.BaseUrl + "/admin");
            // The item in the language of the back office (the other fields of the form do not yet mark their language).
            await page.GotoAsync(site.BaseUrl + "/admin/content/item/b-news-" + culture);
            await page.WaitForSelectorAsync(EditorReady);
            (await page.Locator(".rte-toolbar[role=toolbar] button").CountAsync()).Should().BeGreaterThan(8);
            await CheckAsync(page, $"the editor page ({culture})");
            (await CodeSnifferErrorsAsync(page)).Should().BeEmpty($"HTML_CodeSniffer on the editor page ({culture})");
            await ShotAsync(page, "editor-toolbar-" + culture);

            await page.FocusAsync(".rte-area");
            await page.Keyboard.PressAsync("Alt+F10");
            await WaitForFocusAsync(page, "e.matches('.rte-toolbar button')", "the toolbar by Alt+F10");
            await page.Keyboard.PressAsync("Escape");
            await WaitForFocusAsync(page, "e.matches('.rte-area')", "the text by Escape");
            await page.Keyboard.PressAsync("Control+k");
            await WaitForFocusAsync(page, "e.matches('dialog[open] input')", "the link dialog");
            (await ViolationsAsync(page)).Should().BeEmpty($"the link dialog ({culture})");
            (await CodeSnifferErrorsAsync(page)).Should().BeEmpty($"HTML_CodeSniffer on the link dialog ({culture})");
            await page.Keyboard.PressAsync("Escape");
            await WaitForFocusAsync(page, "e.matches('.rte-area')", "the text after closing the dialog");
            (await page.EvaluateAsync<string[]>("() => window.__cspViolations || []")).Should().BeEmpty();
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task Without_javascript_the_html_field_is_a_textarea_that_saves()
    {
        await using var context = await _browser!.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        await page.GotoAsync(site.BaseUrl + "/admin/login");
        await page.FillAsync("#Email", SiteServer.AdminEmail);
        await page.FillAsync("#Password", SiteServer.AdminPassword);
        await page.ClickAsync("form[action='/admin/login'] button");
        await page.WaitForURLAsync(site.BaseUrl + "/admin");
        await page.GotoAsync(site.BaseUrl + "/admin/content/Page/new");
        (await page.IsVisibleAsync("textarea#HtmlBodyPart_Body")).Should().BeTrue();
        (await page.IsHiddenAsync(".rte")).Should().BeTrue("the editor needs JavaScript");
        await page.FillAsync("#TitlePart_Title", "Page sans script");
        await page.FillAsync("#HtmlBodyPart_Body", "<h2>Écrit à la main</h2><p>Sans script.</p>");
        await page.SelectOptionAsync("#LocalizationPart_Culture", "fr");
        await page.ClickAsync("button[value='draft']");
        await page.WaitForURLAsync(new Regex("/admin/content/item/[^/]+$"));
        (await page.InputValueAsync("#HtmlBodyPart_Body")).Should().Be("<h2>Écrit à la main</h2><p>Sans script.</p>");
    }

    /// <summary>Alt+F10 from the text, then the arrow keys to the named button (the toolbar is one tab stop).</summary>
    private static async Task ToolbarButtonAsync(IPage page, string action)
    {
        await page.Keyboard.PressAsync("Alt+F10");
        await WaitForFocusAsync(page, "e.matches('.rte-toolbar button')", "the toolbar");
        for (var i = 0; i < 20; i++)
        {
            if (await page.EvaluateAsync<string>("() => document.activeElement.dataset.action") == action) return;
            await page.Keyboard.PressAsync("ArrowRight");
        }
        throw new InvalidOperationException("the arrows never reached " + action);
    }

    private static async Task WaitForFocusAsync(IPage page, string condition, string what)
    {
        try
        {
            await page.WaitForFunctionAsync($"() => {{ const e = document.activeElement; return !!e && ({condition}); }}", null, new() { Timeout = 90_000 });
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException("the focus never reached " + what, e);
        }
    }
}
