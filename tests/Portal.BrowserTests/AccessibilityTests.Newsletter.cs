using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.BrowserTests;

/// <summary>
/// The newsletter (the footer's sign-up and its check step, the edition composer with its errors, the archive) and a
/// campaign page with its hero image and communication kit: axe and HTML_CodeSniffer, both languages, 1280 and 375 px.
/// </summary>
public sealed partial class AccessibilityTests
{
    /// <summary>axe, HTML_CodeSniffer (WCAG2AA errors), the page's width at 1280 and 375 px, one h1, and no untranslated string.</summary>
    private async Task NewsletterCheckAsync(IPage page, string what)
    {
        // Nothing sticks out at 375 px (the message names what does), then axe and the width at both sizes.
        await page.SetViewportSizeAsync(375, 900);
        (await WiderThanTheScreenAsync(page)).Should().BeEmpty("{0} fits 375 px without sideways scrolling", what);
        await CheckAsync(page, what);
        (await CodeSnifferErrorsAsync(page)).Should().BeEmpty("HTML_CodeSniffer finds no WCAG2AA error on {0}", what);
        (await page.EvaluateAsync<string[]>("() => window.__cspViolations || []")).Should().BeEmpty(what);
    }

    /// <summary>The elements whose right edge is past the screen's when the page scrolls sideways (none when it fits).</summary>
    private static Task<string[]> WiderThanTheScreenAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => document.documentElement.scrollWidth <= window.innerWidth + 1 ? [] :
            [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .slice(0, 8).map(e => `${e.tagName.toLowerCase()}#${e.id}.${[...e.classList].join('.')} ${Math.round(e.getBoundingClientRect().right)}px`)
        """);

    private async Task ShotAt375Async(IPage page, string name)
    {
        await page.SetViewportSizeAsync(375, 900);
        await ShotAsync(page, name);
        await page.SetViewportSizeAsync(1280, 900);
    }

    private async Task<IPage> NewsletterPageAsync(IPage? signedIn = null)
    {
        var page = signedIn ?? await NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.AddInitScriptAsync(HtmlCodeSniffer);
        if (signedIn is null) await OfflineAsync(page);
        return page;
    }

    public static TheoryData<string, string, string> NewsletterSignUps() => new()
    {
        { "fr", "/fr/actualites", "Consultez votre messagerie" },
        { "de", "/de/aktuelles", "Sehen Sie in Ihr Postfach" },
    };

    [Theory, MemberData(nameof(NewsletterSignUps))]
    public async Task The_newsletter_footer_sign_up_its_check_step_and_the_archive_have_no_accessibility_errors(string culture, string anyPage, string sent)
    {
        var page = await NewsletterPageAsync();
        await page.GotoAsync(site.BaseUrl + anyPage);
        await NewsletterCheckAsync(page, $"a page with the footer's sign-up ({culture})");

        // Sent with a wrong address: the check step shows the error at its field and keeps what was typed.
        await page.FillAsync("#footer-nl-Email", "pas-une-adresse");
        await page.ClickAsync(".footer-newsletter button[type=submit]");
        await page.WaitForSelectorAsync("#nl-Email-error");
        (await page.InputValueAsync("#nl-Email")).Should().Be("pas-une-adresse");
        (await page.Locator("#nl-Email[aria-invalid=true]").CountAsync()).Should().Be(1);
        await NewsletterCheckAsync(page, $"the sign-up with its errors ({culture})");
        await ShotAsync(page, $"newsletter-signup-errors-{culture}");

        // From the footer again, with a good address: checked, then confirmed.
        var email = $"footer-{culture}-{Guid.NewGuid():N}@example.org";
        await page.FillAsync("#footer-nl-Email", email);
        await page.UncheckAsync("#footer-nl-Audiences-professionals");
        await page.ClickAsync(".footer-newsletter button[type=submit]");
        await page.WaitForSelectorAsync("main p.lead[role=status]");
        (await page.InputValueAsync("#nl-Email")).Should().Be(email);
        (await page.IsCheckedAsync("#nl-Audiences-professionals")).Should().BeFalse("the choices made in the footer are kept");
        await NewsletterCheckAsync(page, $"the sign-up's check step ({culture})");
        await page.ClickAsync("main form.newsletter-form button[type=submit]");
        await page.WaitForSelectorAsync($"main h1:has-text('{sent}')");
        await NewsletterCheckAsync(page, $"the sign-up's answer ({culture})");
        await ShotAsync(page, $"newsletter-signup-sent-{culture}");

        await page.GotoAsync(site.BaseUrl + (culture == "fr" ? "/fr/lettre-d-information" : "/de/newsletter"));
        await NewsletterCheckAsync(page, $"the newsletter archive ({culture})");
        await ShotAt375Async(page, $"newsletter-archive-{culture}-375");
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_newsletter_edition_composer_its_errors_its_sending_counts_and_the_sent_edition_have_no_accessibility_errors()
    {
        foreach (var culture in new[] { "fr", "de" })
        {
            var admin = await NewsletterPageAsync(await SignedInAsync(SiteServer.AdminEmail));
            await CultureAsync(admin, culture);
            await admin.GotoAsync(site.BaseUrl + "/admin/newsletter/new");
            await NewsletterCheckAsync(admin, $"the composer ({culture})");
            // A title without a break (a German compound, an address) wraps inside the composer instead of widening it.
            await admin.SetViewportSizeAsync(375, 900);
            await admin.EvaluateAsync("() => document.querySelector('.edition-items label span').textContent = 'Grenzüberschreitendeangehörigenberatungsstellenkoordinationsnetzwerkrundbrief'");
            (await WiderThanTheScreenAsync(admin)).Should().BeEmpty("an item's long title wraps in the composer ({0})", culture);
            await admin.SetViewportSizeAsync(1280, 900);

            // No audience: the error is at its field, what was typed stays.
            await admin.FillAsync("#ed-Title-fr", $"Lettre d'essai {culture}");
            await admin.UncheckAsync("#ed-aud-public");
            await admin.UncheckAsync("#ed-aud-pro");
            await admin.ClickAsync("form.editor button[type=submit]");
            await admin.WaitForSelectorAsync(".error-summary a[href='#ed-Audiences']");
            (await admin.InputValueAsync("#ed-Title-fr")).Should().Be($"Lettre d'essai {culture}");
            await NewsletterCheckAsync(admin, $"the composer with its errors ({culture})");
            await ShotAsync(admin, $"newsletter-composer-errors-{culture}");

            await admin.FillAsync("#ed-Title-de", $"Testausgabe {culture}");
            await admin.FillAsync("#ed-Introduction-fr", "Bonjour.\n\nVoici les nouvelles du mois.");
            await admin.FillAsync("#ed-Introduction-de", "Guten Tag.");
            await admin.CheckAsync("#ed-aud-public");
            await admin.CheckAsync("#ed-item-fr-0");
            await admin.CheckAsync("#ed-item-de-0");
            await admin.ClickAsync("form.editor button[type=submit]");
            await admin.WaitForURLAsync(new Regex("/admin/newsletter/[0-9a-z]{26}$"));
            var editionUrl = admin.Url;
            await NewsletterCheckAsync(admin, $"a saved edition ({culture})");
            await ShotAsync(admin, $"newsletter-composer-{culture}");
            await ShotAt375Async(admin, $"newsletter-composer-{culture}-375");

            // The preview is the mail itself: a document with its language, headings and no image.
            await admin.ClickAsync("a[href$='/preview/fr']");
            await admin.WaitForSelectorAsync("html[lang=fr] main h1");
            (await ViolationsAsync(admin)).Should().BeEmpty("the mail's HTML ({0})", culture);
            (await admin.Locator("img").CountAsync()).Should().Be(0);
            await ShotAsync(admin, $"newsletter-preview-fr-from-{culture}");

            await admin.GotoAsync(editionUrl);
            await admin.ClickAsync("form[action$='/send'] button");
            await admin.WaitForSelectorAsync("#ed-counts");
            await NewsletterCheckAsync(admin, $"an edition being sent, with its counts ({culture})");
            await ShotAsync(admin, $"newsletter-sending-{culture}");
            var id = editionUrl.Split('/').Last();
            await admin.CloseAsync();

            var visitor = await NewsletterPageAsync();
            foreach (var (language, path) in new[] { ("fr", "/fr/lettre-d-information"), ("de", "/de/newsletter") })
            {
                await visitor.GotoAsync(site.BaseUrl + path);
                await visitor.ClickAsync($"main a[href='{path}/{id}']");
                await visitor.WaitForSelectorAsync("article.newsletter-edition h1");
                await NewsletterCheckAsync(visitor, $"a sent edition ({language})");
                await ShotAsync(visitor, $"newsletter-edition-{language}");
            }
            await visitor.CloseAsync();
        }
    }

    [Fact]
    public async Task A_campaign_page_with_its_hero_and_kit_has_no_accessibility_errors_in_both_languages()
    {
        // An image of the library, described in both languages, is the hero and a file of the kit.
        var image = Path.Combine(SiteServer.Root, "src", "Themes", "Portal.Theme", "wwwroot", "icons", "icon-512.png");
        var admin = await SignedInAsync(SiteServer.AdminEmail);
        await admin.GotoAsync(site.BaseUrl + "/admin/media/upload");
        await admin.SetInputFilesAsync("#File", image);
        await admin.FillAsync("#Alt_fr", "L'affiche de la campagne : deux voisines sur un banc");
        await admin.FillAsync("#Alt_de", "Das Kampagnenplakat: zwei Nachbarinnen auf einer Bank");
        await admin.ClickAsync("form[action='/admin/media/upload'] button[type=submit]");
        await admin.WaitForURLAsync(new Regex("/admin/media/[0-9A-Za-z]{26}$"), new() { Timeout = 60_000 });
        var media = admin.Url.Split('/').Last();
        await admin.CloseAsync();

        var recipe = Path.Combine(Path.GetTempPath(), $"browser-campaign-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(recipe, $$"""
            { "name": "browser-campaign", "steps": [ { "name": "Content", "data": [
              { "ContentItemId": "b-campaign-fr", "ContentType": "Campaign", "LocalizationSet": "b-campaign", "Published": true,
                "TitlePart": { "Title": { "Text": "Bien vieillir, c'est l'affaire de tous" } },
                "Campaign": { "Summary": { "Text": "La campagne transfrontalière pour le bien-vieillir." }, "Hero": { "MediaIds": [ "{{media}}" ] },
                  "Message": { "Markdown": "Chacun peut **agir** près de chez soi." },
                  "Action1": { "Url": "/fr/recherche?q=aidants", "Text": "Trouver une aide pour les aidants" }, "Action1Text": { "Text": "Des lieux près de chez vous." },
                  "Action2": { "Url": "/fr/agenda", "Text": "Voir les événements" },
                  "Kit": { "MediaIds": [ "{{media}}" ] } },
                "LocalizationPart": { "Culture": { "Text": "fr" } } },
              { "ContentItemId": "b-campaign-de", "ContentType": "Campaign", "LocalizationSet": "b-campaign", "Published": true,
                "TitlePart": { "Title": { "Text": "Gut älter werden geht uns alle an" } },
                "Campaign": { "Summary": { "Text": "Die grenzüberschreitende Kampagne für gutes Älterwerden." }, "Hero": { "MediaIds": [ "{{media}}" ] },
                  "Action1": { "Url": "/de/suche?q=angehoerige", "Text": "Hilfe für pflegende Angehörige finden" },
                  "Kit": { "MediaIds": [ "{{media}}" ] } },
                "LocalizationPart": { "Culture": { "Text": "de" } } }
            ] } ] }
            """);
        try { await site.RunRecipeAsync(recipe); } finally { File.Delete(recipe); }

        var page = await NewsletterPageAsync();
        foreach (var (url, alt) in new[] { ("/fr/campagne/bien-vieillir-c-est-l-affaire-de-tous", "L'affiche de la campagne : deux voisines sur un banc"),
                     ("/de/kampagne/gut-alter-werden-geht-uns-alle-an", "Das Kampagnenplakat: zwei Nachbarinnen auf einer Bank") })
        {
            await page.GotoAsync(site.BaseUrl + url);
            (await page.Locator("img.campaign-hero-image").GetAttributeAsync("alt")).Should().Be(alt);
            (await page.Locator(".campaign-kit a[download]").CountAsync()).Should().Be(1);
            await NewsletterCheckAsync(page, "the campaign page " + url);
            await ShotAsync(page, "campaign" + url.Replace('/', '-')[..12]);
        }
        await page.CloseAsync();
    }
}
