using Microsoft.Playwright;

namespace Portal.BrowserTests;

/// <summary>
/// The professionals' network: the expert directory as the public sees it, the application form (with its errors, then
/// sent), the moderators' queue, and the member's view (directory, profile edited with an error then saved, the details form below a partner's entry),
/// in both languages, at desktop and phone widths, through axe and HTML_CodeSniffer.
/// </summary>
public sealed partial class AccessibilityTests
{
    private async Task<IPage> NetworkPageAsync(int width, IBrowserContext? context = null)
    {
        var page = context is null ? await NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 } }) : await context.NewPageAsync();
        if (context is not null)
        {
            page.SetDefaultTimeout(90_000);
            page.SetDefaultNavigationTimeout(90_000);
            await page.AddInitScriptAsync(Axe);
            await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + ' ' + e.blockedURI))");
        }
        await page.AddInitScriptAsync(HtmlCodeSniffer);
        await OfflineAsync(page);
        return page;
    }

    private async Task NetworkCheckAsync(IPage page, string what)
    {
        await EventCheckAsync(page, what);
        (await CodeSnifferErrorsAsync(page)).Should().BeEmpty(what);
        (await page.EvaluateAsync<int>("() => document.querySelectorAll('h1').length")).Should().Be(1, what);
    }

    public static TheoryData<string, string, int> NetworkPages()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var width in new[] { 1280, 375 })
        {
            data.Add("fr", "/fr/reseau", width);
            data.Add("de", "/de/netzwerk", width);
        }
        return data;
    }

    [Theory, MemberData(nameof(NetworkPages))]
    public async Task The_network_page_and_the_application_form_pass_axe_and_html_codesniffer_with_errors_at_their_fields(string culture, string network, int width)
    {
        var page = await NetworkPageAsync(width);
        await page.GotoAsync(site.BaseUrl + network);
        await NetworkCheckAsync(page, $"the network {network} at {width}");
        await ShotAsync(page, $"network-public-{culture}-{width}");

        await page.Locator("main a.button").First.ClickAsync();
        await page.WaitForSelectorAsync("#net-Name");
        await NetworkCheckAsync(page, $"the application form {culture} at {width}");

        // Sent with a name only: each error at its field, what was typed kept.
        await page.FillAsync("#net-Name", "Claire Navigatrice");
        await page.ClickAsync("main form.network-form button[type=submit]");
        await page.WaitForSelectorAsync("#net-Email-error");
        (await page.Locator("#net-Email[aria-invalid=true]").CountAsync()).Should().Be(1);
        (await page.Locator("#net-Expertise-error").CountAsync()).Should().Be(1);
        (await page.InputValueAsync("#net-Name")).Should().Be("Claire Navigatrice");
        await NetworkCheckAsync(page, $"the application form with errors {culture} at {width}");
        await ShotAsync(page, $"network-apply-errors-{culture}-{width}");

        await page.FillAsync("#net-Email", $"claire.{culture}.{width}@ccas.example.org");
        await page.FillAsync("#net-Organisation", "CCAS de Metz");
        await page.FillAsync("#net-JobTitle", culture == "fr" ? "Assistante sociale" : "Sozialarbeiterin");
        await page.SelectOptionAsync("#net-Side", "france");
        await page.CheckAsync("#net-lang-fr");
        await page.CheckAsync("#net-exp-caregivers");
        await page.CheckAsync("#net-pub-name");
        await page.CheckAsync("#net-Consent");
        await page.ClickAsync("main form.network-form button[type=submit]");
        await page.WaitForSelectorAsync("main p[role=status]");
        await NetworkCheckAsync(page, $"the application sent {culture} at {width}");
    }

    [Fact]
    public async Task A_partner_approved_as_a_member_sees_the_network_their_profile_and_the_details_form_without_axe_or_codesniffer_errors()
    {
        // The partner applies with the address of its account; the administrator approves in the back office.
        var apply = await NetworkPageAsync(1280);
        await apply.GotoAsync(site.BaseUrl + "/fr/reseau/adherer");
        await apply.FillAsync("#net-Name", "Paula Partenaire");
        await apply.FillAsync("#net-Email", "partner@browser.example");
        await apply.FillAsync("#net-Organisation", "Handisport Bobigny");
        await apply.FillAsync("#net-JobTitle", "Coordinatrice");
        await apply.SelectOptionAsync("#net-Side", "france");
        await apply.CheckAsync("#net-lang-fr");
        await apply.CheckAsync("#net-lang-de");
        await apply.CheckAsync("#net-exp-adapted-sport");
        await apply.CheckAsync("#net-Consent");
        await apply.ClickAsync("main form.network-form button[type=submit]");
        await apply.WaitForSelectorAsync("main p[role=status]");

        var admin = await SignedInAsync(SiteServer.AdminEmail);
        await admin.GotoAsync(site.BaseUrl + "/admin/network/applications");
        (await ViolationsAsync(admin)).Should().BeEmpty("the applications' queue");
        await ShotAsync(admin, "network-applications-fr");
        // The decision's answer (a redirect to the queue) is awaited as such, so that a failure says what the site answered.
        (await SubmitAsync(admin, "", () => admin.Locator("article.card", new() { HasTextString = "Paula Partenaire" }).Locator("form[action$='/approve'] button").ClickAsync()))
            .Should().Be(302, "the approval leads back to the queue");
        admin.Url.Should().EndWith("?done=approved");

        foreach (var width in new[] { 1280, 375 })
        {
            var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
            var page = await NetworkPageAsync(width, context);
            await page.GotoAsync(site.BaseUrl + "/admin/login");
            await page.FillAsync("#Email", "partner@browser.example");
            await page.FillAsync("#Password", SiteServer.AdminPassword);
            await page.ClickAsync("form[action='/admin/login'] button");
            await page.WaitForURLAsync(url => !url.Contains("/admin/login"));

            foreach (var (culture, network, profile) in new[] { ("fr", "/fr/reseau", "/fr/reseau/mon-profil"), ("de", "/de/netzwerk", "/de/netzwerk/mein-profil") })
            {
                await page.GotoAsync(site.BaseUrl + network);
                (await page.Locator("main a[href*='/" + (culture == "fr" ? "ecrire" : "schreiben") + "/']").CountAsync()).Should().BeGreaterThan(0, "a member may write to members");
                await NetworkCheckAsync(page, $"the network as a member {culture} at {width}");
                await ShotAsync(page, $"network-member-{culture}-{width}");
                await page.GotoAsync(site.BaseUrl + profile);
                await NetworkCheckAsync(page, $"the profile {culture} at {width}");

                // The member edits their profile: a wrong field comes back with its error, then the profile is saved.
                var role = $"{(culture == "fr" ? "Coordinatrice régionale" : "Regionale Koordinatorin")} {width}";
                await page.FillAsync("#net-JobTitle", "");
                await page.ClickAsync("main form.network-form button[type=submit]");
                await page.WaitForSelectorAsync("#net-JobTitle-error");
                (await page.Locator("#net-JobTitle[aria-invalid=true]").CountAsync()).Should().Be(1);
                await NetworkCheckAsync(page, $"the profile with an error {culture} at {width}");
                await ShotAsync(page, $"network-profile-errors-{culture}-{width}");
                await page.FillAsync("#net-JobTitle", role);
                await page.CheckAsync("#net-pub-organisation");
                await page.ClickAsync("main form.network-form button[type=submit]");
                await page.WaitForURLAsync("**done=saved");
                await page.WaitForSelectorAsync("main p.notice[role=status]");
                (await page.InputValueAsync("#net-JobTitle")).Should().Be(role);
                (await page.IsCheckedAsync("#net-pub-organisation")).Should().BeTrue();
                await NetworkCheckAsync(page, $"the saved profile {culture} at {width}");
                await ShotAsync(page, $"network-profile-{culture}-{width}");

                // The directory shows the member as they now describe themselves.
                await page.GotoAsync(site.BaseUrl + network);
                (await page.Locator("main li.card", new() { HasTextString = "Paula Partenaire" }).TextContentAsync())!.Should().Contain(role);
            }

            // Below the partner's form of an entry: the details only professionals see, with their own errors.
            await page.GotoAsync(site.BaseUrl + "/fr/espace-partenaire");
            await page.Locator("main a.button.secondary[href^='/fr/espace-partenaire/']").First.ClickAsync();
            await page.WaitForSelectorAsync("#det-ReferralFormUrl");
            await page.FillAsync("#det-ReferralFormUrl", "pas une adresse");
            await page.ClickAsync("section.network-details-form button[type=submit]");
            await page.WaitForSelectorAsync("#det-ReferralFormUrl-error");
            await NetworkCheckAsync(page, $"the details form with an error at {width}");
            await ShotAsync(page, $"network-details-errors-fr-{width}");
            await context.CloseAsync();
        }
    }
}
