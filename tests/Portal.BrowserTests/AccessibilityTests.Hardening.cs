using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using MimeKit;
using Portal.Core.Hosting;

namespace Portal.BrowserTests;

/// <summary>The pages the hardening added: password reset, the outbox, four eyes, the 503 page, the proposal form's limits.</summary>
public sealed partial class AccessibilityTests
{
    /// <summary>The back office's language, as its language menu leaves it.</summary>
    private Task CultureAsync(IPage page, string culture) =>
        page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = site.BaseUrl }]);

    /// <summary>
    /// axe at 1280 and 375 px, no sideways scrolling on a page without tables, one h1, no word of the other language
    /// and no English left where the page's language is expected.
    /// </summary>
    private async Task CheckAsync(IPage page, string what, bool fits = true)
    {
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            (await ViolationsAsync(page)).Should().BeEmpty($"{what} at {width} px");
            if (fits) (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1")).Should().BeTrue($"{what} fits {width} px");
        }
        await page.SetViewportSizeAsync(1280, 900);
        (await page.EvaluateAsync<int>("() => document.querySelectorAll('h1').length")).Should().Be(1, what + ": one h1");
        (await WrongLanguageWordsAsync(page)).Should().BeEmpty(what);
        (await EnglishWordsAsync(page)).Should().BeEmpty(what + ": every string is translated");
    }

    /// <summary>Common English words in the page's text: a message id the localizer found no translation for.</summary>
    private static Task<string[]> EnglishWordsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
          const english = ['the', 'and', 'your', 'you', 'with', 'this', 'of', 'to', 'is', 'are', 'has', 'not', 'sign', 'password', 'send', 'back'];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const hits = [];
          while (walker.nextNode()) {
            const parent = walker.currentNode.parentElement;
            if (!parent || parent.closest('script, style, noscript, code')) continue;
            for (const word of walker.currentNode.textContent.toLowerCase().split(/[^\p{L}]+/u))
              if (english.includes(word)) hits.push(word + ' in "' + walker.currentNode.textContent.trim().slice(0, 60) + '"');
          }
          return hits;
        }
        """);

    /// <summary>Sends a form and returns the status of the page it leads to.</summary>
    private static async Task<int> SubmitAsync(IPage page, string button, Func<Task>? action = null)
    {
        await page.EvaluateAsync("() => window.__before = true");
        var response = await page.RunAndWaitForResponseAsync(action ?? (() => page.ClickAsync(button)), r => r.Request.Method == "POST" && r.Request.IsNavigationRequest);
        // Followed through its redirect: the page it ends on has replaced this one and loaded.
        await page.WaitForFunctionAsync("() => !window.__before && document.readyState === 'complete'");
        return response.Status;
    }

    /// <summary>Tabs until the condition holds on the focused element, which must then show a visible focus ring.</summary>
    private static async Task TabToAsync(IPage page, string condition, string what)
    {
        for (var i = 0; i < 100; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => {{ const e = document.activeElement; return !!e && ({condition}); }}"))
            {
                (await page.EvaluateAsync<bool>("""
                    () => { const e = document.activeElement, s = getComputedStyle(e);
                            return e.matches(':focus-visible') && s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }
                    """)).Should().BeTrue(what + " shows where the focus is");
                return;
            }
        }
        throw new InvalidOperationException("Tab never reached " + what);
    }

    /// <summary>Signed in, once the sign-in has led to the account's home page.</summary>
    private async Task<IPage> SignedInHomeAsync(string email)
    {
        var page = await NewPageAsync();
        await OfflineAsync(page);
        await page.GotoAsync(site.BaseUrl + "/admin/login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", SiteServer.AdminPassword);
        (await SubmitAsync(page, "form[action='/admin/login'] button")).Should().Be(302);
        page.Url.Should().NotContain("/admin/login");
        return page;
    }

    private async Task<string> ResetLinkAsync(string email)
    {
        var folder = Path.Combine(site.DataDirectory, "mail");
        for (var i = 0; i < 200; i++)
        {
            foreach (var file in System.IO.Directory.Exists(folder) ? System.IO.Directory.GetFiles(folder, "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == email) && Regex.Match(message.TextBody ?? "", @"http://\S+/admin/password/reset\?\S+") is { Success: true } link)
                    return new Uri(link.Value).PathAndQuery;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("No password-reset mail reached the pickup folder for " + email);
    }

    [Fact]
    public async Task The_password_reset_pages_have_no_axe_violations_in_both_languages()
    {
        var page = await NewPageAsync();
        await OfflineAsync(page);
        foreach (var culture in new[] { "fr", "de" })
        {
            await CultureAsync(page, culture);
            await page.GotoAsync(site.BaseUrl + "/admin/password/forgot");
            await CheckAsync(page, $"the forgot-password form ({culture})");
            if (culture == "fr") await ShotAsync(page, "forgot-password-fr");
            (await SubmitAsync(page, "form[action='/admin/password/forgot'] button")).Should().Be(400);
            (await page.Locator(".error-summary").CountAsync()).Should().Be(1);
            await CheckAsync(page, $"the forgot-password form with its error ({culture})");
            await page.FillAsync("#email", "partner@browser.example");
            (await SubmitAsync(page, "form[action='/admin/password/forgot'] button")).Should().Be(200);
            (await page.Locator(".notice").CountAsync()).Should().Be(1);
            await CheckAsync(page, $"the forgot-password page once sent ({culture})");

            await page.GotoAsync(site.BaseUrl + "/admin/password/reset?user=nobody&token=CfDJ8Abc-not-a-token");
            (await page.Locator("form[action='/admin/password/reset']").CountAsync()).Should().Be(0);
            await CheckAsync(page, $"the reset page with a link that does not serve ({culture})");
        }

        var link = await ResetLinkAsync("partner@browser.example");
        foreach (var (culture, password, confirm, field) in new[] { ("fr", "court", "court", "#password"), ("de", "Ein-langes-Passw0rt", "Ein-anderes-Passw0rt", "#confirm") })
        {
            await CultureAsync(page, culture);
            await page.GotoAsync(site.BaseUrl + link);
            await CheckAsync(page, $"the reset form ({culture})");
            await page.FillAsync("#password", password);
            await page.FillAsync("#confirm", confirm);
            (await SubmitAsync(page, "form[action='/admin/password/reset'] button")).Should().Be(400);
            (await page.Locator($"{field}[aria-describedby*='-error']").CountAsync()).Should().Be(1, "the error is told at its field");
            await CheckAsync(page, $"the reset form with an error at {field} ({culture})");
            if (culture == "fr") await ShotAsync(page, "password-reset-fr");
        }
    }

    [Fact]
    public async Task The_sign_in_page_throttled_and_its_forgot_password_link_work_by_keyboard()
    {
        var page = await NewPageAsync();
        await OfflineAsync(page);
        await page.GotoAsync(site.BaseUrl + "/admin/login");
        await TabToAsync(page, "e.getAttribute('href') === '/admin/password/forgot'", "the forgot-password link");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(site.BaseUrl + "/admin/password/forgot");

        // Wrong passwords for an address without account: after three, the next one within the delay is answered 429.
        foreach (var culture in new[] { "fr", "de" })
        {
            await CultureAsync(page, culture);
            var status = 0;
            for (var attempt = 0; attempt < 8 && status != 429; attempt++)
            {
                await page.GotoAsync(site.BaseUrl + "/admin/login");
                await page.FillAsync("#Email", "nobody@browser.example");
                await page.FillAsync("#Password", "Wrong-Passw0rd-" + attempt);
                status = await SubmitAsync(page, "form[action='/admin/login'] button");
            }
            status.Should().Be(429);
            (await page.Locator(".error-summary").CountAsync()).Should().Be(1);
            await CheckAsync(page, $"the sign-in page after too many attempts ({culture})");
        }
    }

    [Fact]
    public async Task The_account_security_page_and_its_password_form_have_no_axe_violations_with_errors()
    {
        var page = await SignedInHomeAsync(SiteServer.AdminEmail);
        foreach (var culture in new[] { "fr", "de" })
        {
            await CultureAsync(page, culture);
            await page.GotoAsync(site.BaseUrl + "/admin/account/security");
            await CheckAsync(page, $"the account security page ({culture})");
            await page.FillAsync("#current", SiteServer.AdminPassword);
            await page.FillAsync("#new-password", "court");
            await page.FillAsync("#confirm", "court");
            (await SubmitAsync(page, "form[action='/admin/account/security/password'] button")).Should().Be(400);
            (await page.Locator("#new-password[aria-describedby*='new-password-error']").CountAsync()).Should().Be(1);
            await CheckAsync(page, $"the password form with its error ({culture})");
            await page.FillAsync("#current", SiteServer.AdminPassword);
            await page.FillAsync("#new-password", "Ein-langes-Passw0rt-2026");
            await page.FillAsync("#confirm", "Ein-anderes-Passw0rt-2026");
            (await SubmitAsync(page, "form[action='/admin/account/security/password'] button")).Should().Be(400);
            (await page.Locator("#confirm[aria-describedby='confirm-error']").CountAsync()).Should().Be(1);
            await CheckAsync(page, $"the password form with the passwords differing ({culture})");
        }
    }

    [Fact]
    public async Task The_outbox_with_a_failed_message_has_no_axe_violations_and_its_buttons_work_by_keyboard()
    {
        await site.AddFailedMailAsync("proposant@exemple.fr", "Proposition reçue", "Connection refused 127.0.0.1:2525");
        var page = await SignedInHomeAsync(SiteServer.AdminEmail);
        foreach (var culture in new[] { "fr", "de" })
        {
            await CultureAsync(page, culture);
            await page.GotoAsync(site.BaseUrl + "/admin/outbox?status=Failed");
            (await page.Locator("form[action$='/resend'] button").CountAsync()).Should().BeGreaterThan(0);
            await CheckAsync(page, $"the outbox ({culture})", fits: false);
            if (culture == "fr") await ShotAsync(page, "outbox-fr");
        }
        await CultureAsync(page, "fr");
        await page.GotoAsync(site.BaseUrl + "/admin/outbox?status=Failed");
        await TabToAsync(page, "e.tagName === 'BUTTON' && !!e.form && e.form.action.endsWith('/resend')", "the resend button");
        await TabToAsync(page, "e.tagName === 'BUTTON' && !!e.form && e.form.action.endsWith('/discard')", "the discard button");
        await SubmitAsync(page, "", () => page.Keyboard.PressAsync("Enter"));
        await page.GotoAsync(site.BaseUrl + "/admin/outbox?status=Discarded");
        (await page.TextContentAsync("table"))!.Should().Contain("Proposition reçue", "Enter on the focused button discarded the message");
        await CheckAsync(page, "the outbox's discarded messages", fits: false);
    }

    [Fact]
    public async Task The_four_eyes_notice_and_the_self_approval_settings_have_no_axe_violations()
    {
        // The moderator edits and submits an entry: the review page withholds the approval and says why.
        var moderator = await SignedInHomeAsync("moderator@browser.example");
        await moderator.GotoAsync(site.BaseUrl + "/admin/content/item/b-support-fr");
        await moderator.FillAsync("#AidantSupport_Description", "Un moment d'échange entre proches aidants, le premier jeudi du mois.");
        await SubmitAsync(moderator, "button[value='draft']");
        await moderator.GotoAsync(site.BaseUrl + "/admin/review/b-support-fr");
        await SubmitAsync(moderator, "form[action='/admin/review/b-support-fr/submit'] button");
        foreach (var culture in new[] { "fr", "de" })
        {
            await CultureAsync(moderator, culture);
            await moderator.GotoAsync(site.BaseUrl + "/admin/review/b-support-fr");
            (await moderator.Locator("form[action='/admin/review/b-support-fr/approve']").CountAsync()).Should().Be(0);
            (await moderator.Locator("form[action='/admin/review/b-support-fr/reject']").CountAsync()).Should().Be(1);
            (await moderator.Locator("p.notice").CountAsync()).Should().Be(1, "the four-eyes notice says why there is no approval");
            await CheckAsync(moderator, $"the review page with the four-eyes notice ({culture})", fits: false);
            if (culture == "fr") await ShotAsync(moderator, "review-four-eyes-fr");
            await moderator.GotoAsync(site.BaseUrl + "/admin/review");
            await CheckAsync(moderator, $"the moderator's queue with their own submission ({culture})", fits: false);
        }

        var admin = await SignedInHomeAsync(SiteServer.AdminEmail);
        foreach (var culture in new[] { "fr", "de" })
        {
            await CultureAsync(admin, culture);
            await admin.GotoAsync(site.BaseUrl + "/admin/review");
            (await admin.Locator("form[action='/admin/review/self-approval'] input[type=checkbox]").CountAsync()).Should().BeGreaterThan(0);
            await CheckAsync(admin, $"the queue with the self-approval settings ({culture})", fits: false);
        }
        await SubmitAsync(admin, "form[action='/admin/review/self-approval'] button");
        (await admin.Locator(".notice").CountAsync()).Should().BeGreaterThan(0);
        await CheckAsync(admin, "the queue once the settings are saved", fits: false);
    }

    [Fact]
    public async Task The_proposal_form_after_a_replayed_stamp_and_the_per_email_limit_shows_errors_and_keeps_values()
    {
        var visitor = await NewPageAsync();
        await OfflineAsync(visitor);
        foreach (var (culture, url, email) in new[] { ("fr", "/fr/proposer?type=Action", "limite-fr@exemple.fr"), ("de", "/de/vorschlagen?type=Action", "limit-de@beispiel.de") })
        {
            async Task FillAsync()
            {
                await visitor.FillAsync("#TitlePart_Title", "Tir à l'arc " + culture);
                await visitor.FillAsync("#Action_Description", "Séances de tir à l'arc en fauteuil, le samedi.");
                await visitor.CheckAsync("input[name='Action.Domains.Terms'][value='sport']");
                await visitor.FillAsync("#organisation-name", "Archers de Bobigny " + culture);
                await visitor.FillAsync("#organisation-commune", "Bobigny");
                await visitor.FillAsync("#proposerEmail", email);
            }
            await visitor.GotoAsync(site.BaseUrl + url);
            await FillAsync();
            var stamp = await visitor.InputValueAsync("input[name=started]");
            (await SubmitAsync(visitor, "#send")).Should().Be(200);

            // The same stamp again, from the same address: both refused, what was typed is kept.
            await visitor.GotoAsync(site.BaseUrl + url);
            await FillAsync();
            await visitor.EvalOnSelectorAsync("input[name=started]", "(e, stamp) => e.value = stamp", stamp);
            (await SubmitAsync(visitor, "#send")).Should().Be(429);
            (await visitor.Locator(".error-summary li").CountAsync()).Should().Be(2, "the replayed stamp and the address's limit");
            (await visitor.InputValueAsync("#TitlePart_Title")).Should().Be("Tir à l'arc " + culture);
            (await visitor.InputValueAsync("#proposerEmail")).Should().Be(email);
            await CheckAsync(visitor, $"the proposal form refused ({culture})");
        }
    }

    [Fact]
    public async Task The_static_503_page_has_no_axe_violations()
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        await ServiceUnavailablePage.WriteAsync(context);
        var html = System.Text.Encoding.UTF8.GetString(body.ToArray());
        html.Should().Contain("Service momentanément indisponible");

        var page = await NewPageAsync();
        await page.SetContentAsync(html);
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'")) await page.EvaluateAsync(Axe);
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            (await ViolationsAsync(page)).Should().BeEmpty($"the 503 page at {width} px");
            (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1")).Should().BeTrue();
        }
        (await WrongLanguageWordsAsync(page)).Should().BeEmpty("the German half is marked lang=de");
    }
}
