using Microsoft.Playwright;

namespace Portal.BrowserTests;

/// <summary>
/// The partner form (in sections, with its confirm step), the proposal form (the organisation in words, found by a
/// search without script), and the public sign-in page, in both languages at 1280 and 375 px: axe and HTML_CodeSniffer
/// find nothing, nothing overflows the screen.
/// </summary>
public sealed partial class AccessibilityTests
{
    public static TheoryData<string, int> Languages() => new() { { "fr", 1280 }, { "fr", 375 }, { "de", 1280 }, { "de", 375 } };

    private async Task<IPage> CheckedPageAsync(IPage? page, int width)
    {
        page ??= await NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        await page.AddInitScriptAsync(HtmlCodeSniffer);
        await OfflineAsync(page);
        return page;
    }

    private async Task ExpectCleanAsync(IPage page, string what)
    {
        (await ViolationsAsync(page)).Should().BeEmpty("axe finds nothing on {0}", what);
        (await CodeSnifferErrorsAsync(page)).Should().BeEmpty("HTML_CodeSniffer finds no WCAG2AA error on {0}", what);
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1")).Should().BeTrue("{0} fits the screen", what);
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task The_proposal_form_names_organisations_in_words_without_violations(string culture, int width)
    {
        var (form, name) = culture == "fr" ? ("/fr/proposer?type=Action", "handisport") : ("/de/vorschlagen?type=Action", "behindertensport");
        var page = await CheckedPageAsync(null, width);
        await page.GotoAsync(site.BaseUrl + form);
        await ExpectCleanAsync(page, form);
        (await page.ContentAsync()).Should().NotContain("b-actor-");

        // "Search the directory" posts the form to the server and comes back with everything typed and the matches.
        await page.FillAsync("#TitlePart_Title", culture == "fr" ? "Tir à l'arc assis" : "Bogenschießen im Sitzen");
        await page.FillAsync("#organisation-name", name);
        await page.ClickAsync("button[formaction*='/organisation']");
        await page.Locator(".organisation-matches input[type=radio]").First.WaitForAsync();
        (await page.InputValueAsync("#TitlePart_Title")).Should().NotBeEmpty();
        (await page.ContentAsync()).Should().NotContain("b-actor-");
        await ExpectCleanAsync(page, form + " with the organisations found");
        await ShotAsync(page, $"proposal-form-{culture}-{width}");
        await page.CloseAsync();
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task The_partner_form_in_sections_and_its_change_summary_have_no_violations(string culture, int width)
    {
        var space = culture == "fr" ? "/fr/espace-partenaire" : "/de/partnerbereich";
        var page = await CheckedPageAsync(await SignedInAsync("partner@browser.example"), width);
        await page.GotoAsync(site.BaseUrl + space + "/b-action");
        (await page.Locator("fieldset.form-section").CountAsync()).Should().BeGreaterThanOrEqualTo(3);
        await ExpectCleanAsync(page, "the partner form " + culture);
        await ShotAsync(page, $"partner-form-{culture}-{width}");

        await page.FillAsync("#Action_Schedule", culture == "fr" ? "Le jeudi de 10 h à 12 h." : "Donnerstags von 10 bis 12 Uhr.");
        await page.ClickAsync("form.partner-form button[name=step][value=review]");
        await page.Locator("table.change-summary").WaitForAsync();
        await ExpectCleanAsync(page, "the change summary " + culture);
        await ShotAsync(page, $"partner-changes-{culture}-{width}");
        await page.CloseAsync();
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task The_partner_sign_in_page_is_a_public_page_without_violations(string culture, int width)
    {
        var url = culture == "fr" ? "/fr/connexion" : "/de/anmelden";
        var page = await CheckedPageAsync(null, width);
        await page.GotoAsync(site.BaseUrl + url);
        (await page.Locator("header.site-header").CountAsync()).Should().Be(1);
        await ExpectCleanAsync(page, url);
        await ShotAsync(page, $"partner-sign-in-{culture}-{width}");
        await page.CloseAsync();
    }
}
