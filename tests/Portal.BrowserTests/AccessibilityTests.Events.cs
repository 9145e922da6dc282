using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;

namespace Portal.BrowserTests;

/// <summary>
/// The agenda, its month view, an event page, the registration form with its errors, the registrant's page reached
/// from the mailed link, and the organiser's list of registrants: in both languages, at desktop and phone widths.
/// </summary>
public sealed partial class AccessibilityTests
{
    public static TheoryData<string, string, string, string, int> EventPages()
    {
        var data = new TheoryData<string, string, string, string, int>();
        foreach (var width in new[] { 1280, 375 })
        {
            data.Add("/fr/agenda", "Atelier mémoire et jeux", "/fr/espace-partenaire/agenda/b-event-fr", "b-event-fr", width);
            data.Add("/de/veranstaltungen", "Gedächtnisspiele am Nachmittag", "/de/partnerbereich/veranstaltungen/b-event-de", "b-event-de", width);
        }
        return data;
    }

    [Theory, MemberData(nameof(EventPages))]
    public async Task Event_pages_from_agenda_to_organiser_list_have_no_axe_violations_and_fit_the_screen(string agenda, string title, string organiserList, string id, int width)
    {
        var viewport = new BrowserNewPageOptions { ViewportSize = new() { Width = width, Height = 900 } };
        var page = await NewPageAsync(viewport);
        await OfflineAsync(page);

        await page.GotoAsync(site.BaseUrl + agenda);
        var link = page.Locator("main a", new() { HasTextString = title }).First;
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException(title + " is not on " + agenda);
        await EventCheckAsync(page, $"the agenda {agenda} at {width}");

        // The month view, without JavaScript's help: the month of the event (twenty days from now, in Paris).
        var month = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).AddDays(20).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await page.GotoAsync(site.BaseUrl + agenda + "?month=" + month);
        (await page.Locator($"main a[href='{href}']").CountAsync()).Should().BeGreaterThan(0, "the month view shows the event");
        await EventCheckAsync(page, $"the month view {month} at {width}");

        await page.GotoAsync(site.BaseUrl + href);
        (await page.Locator("form.registration-form").CountAsync()).Should().Be(1, "registration is open");
        await EventCheckAsync(page, $"the event page {href} at {width}");
        if (width == 375) await ShotAsync(page, "event" + href.Replace('/', '-') + "-375");

        // Sent empty: each error at its field, the page still whole.
        await page.ClickAsync("form.registration-form button[type=submit]");
        await page.WaitForSelectorAsync("#reg-Name-error");
        (await page.Locator("#reg-Name[aria-invalid=true]").CountAsync()).Should().Be(1);
        (await page.Locator("#reg-Consent-error").CountAsync()).Should().Be(1);
        await EventCheckAsync(page, $"the registration form with errors {href} at {width}");
        if (width == 1280) await ShotAsync(page, "event-registration-errors" + agenda.Replace('/', '-'));

        // Registered, then the page of the link in the mail, before and after confirming.
        var email = $"inscrite.{id}.{width}@browser.example";
        await page.FillAsync("#reg-Name", "Inès Inscrite");
        await page.FillAsync("#reg-Email", email);
        await page.CheckAsync("#reg-Consent");
        await page.ClickAsync("form.registration-form button[type=submit]");
        await page.WaitForSelectorAsync("form.registration-form", new() { State = WaitForSelectorState.Detached });
        await EventCheckAsync(page, $"the page after registering {href} at {width}");

        await page.GotoAsync(site.BaseUrl + await RegistrationLinkAsync(email));
        (await page.Locator("main form button[type=submit]").CountAsync()).Should().Be(2, "confirm and cancel");
        await EventCheckAsync(page, $"the registrant's page at {width}");
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('main form button[type=submit]').length < 2");
        await EventCheckAsync(page, $"the confirmed registration at {width}");
        if (width == 375) await ShotAsync(page, "event-confirmed" + agenda.Replace('/', '-') + "-375");

        // The organiser's list: the partner of the organising actor, then an editor in the back office.
        foreach (var (account, list) in new[] { ("partner@browser.example", organiserList), (SiteServer.AdminEmail, $"/admin/events/{id}/registrants") })
        {
            var organiser = await NewPageAsync(viewport);
            await OfflineAsync(organiser);
            await organiser.GotoAsync(site.BaseUrl + "/admin/login");
            await organiser.FillAsync("#Email", account);
            await organiser.FillAsync("#Password", SiteServer.AdminPassword);
            await organiser.ClickAsync("form[action='/admin/login'] button");
            await organiser.WaitForURLAsync(url => !url.Contains("/admin/login", StringComparison.Ordinal));
            await organiser.GotoAsync(site.BaseUrl + list);
            (await organiser.Locator("main", new() { HasTextString = email }).CountAsync()).Should().Be(1, list + " lists the registrant");
            await EventCheckAsync(organiser, $"the registrants {list} for {account} at {width}");
            if (width == 1280 && account != SiteServer.AdminEmail) await ShotAsync(organiser, "event-registrants" + agenda.Replace('/', '-'));
            // The organiser's own forms: adding a registrant, sent empty, shows each error at its field; the message form is there.
            (await organiser.Locator("form.organiser-message-form").CountAsync()).Should().Be(1, list + " offers to write to the registrants");
            await organiser.ClickAsync("form.organiser-add-form button[type=submit]");
            await organiser.WaitForSelectorAsync("#add-Name-error");
            (await organiser.Locator("#add-Name[aria-invalid=true]").CountAsync()).Should().Be(1);
            await EventCheckAsync(organiser, $"the add-a-registrant form with errors {list} for {account} at {width}");
            if (account != SiteServer.AdminEmail) await ShotAsync(organiser, "event-registrants-errors" + agenda.Replace('/', '-') + "-" + width);
            await organiser.CloseAsync();
        }
        await page.CloseAsync();
    }

    private async Task EventCheckAsync(IPage page, string what)
    {
        // After a form post the new page's stylesheets may still be coming: measure the page once it has loaded.
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.Load);
        (await ViolationsAsync(page)).Should().BeEmpty(what);
        (await page.EvaluateAsync<string[]>("() => window.__cspViolations || []")).Should().BeEmpty(what);
        // Nothing is wider than the screen: no sideways scrolling at 375 px (the message names the elements that stick out).
        var wider = await page.EvaluateAsync<string[]>("""
            () => document.documentElement.scrollWidth <= window.innerWidth + 1 ? [] :
                [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll'))
                    .slice(0, 8).map(e => `${e.tagName.toLowerCase()}#${e.id}.${[...e.classList].join('.')} ${Math.round(e.getBoundingClientRect().right)}px`)
            """);
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1")).Should().BeTrue(what + " fits the screen; sticking out: " + string.Join(", ", wider));
    }

    /// <summary>The registrant's own page, from the confirmation mail in the site's pickup folder (polled until it arrives).</summary>
    private async Task<string> RegistrationLinkAsync(string email)
    {
        var folder = Path.Combine(site.DataDirectory, "mail");
        for (var i = 0; i < 200; i++)
        {
            foreach (var file in System.IO.Directory.Exists(folder) ? System.IO.Directory.GetFiles(folder, "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == email) && RegistrantLink().Match(message.TextBody ?? "") is { Success: true } link)
                    return new Uri(link.Value).PathAndQuery;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("No registration mail reached the pickup folder for " + email);
    }

    [GeneratedRegex(@"http://\S+/(?:inscription|anmeldung)/[^\s/]+")]
    private static partial Regex RegistrantLink();
}
