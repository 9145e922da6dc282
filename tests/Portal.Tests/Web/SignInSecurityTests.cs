using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>A clock that stands still until the test moves it.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = DateTimeOffset.UtcNow;
    public override DateTimeOffset GetUtcNow() => Now;
    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>Lets a test speak from a given client address (the test server has none): the X-Test-Client header sets it.</summary>
public sealed class TestClientAddress : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, then) =>
        {
            if (IPAddress.TryParse(context.Request.Headers["X-Test-Client"].ToString(), out var address)) context.Connection.RemoteIpAddress = address;
            return then(context);
        });
        next(app);
    };
}

/// <summary>Sign-in that cannot be turned against its users: delays instead of lockout, sessions that end, single-use codes, password reset by mail.</summary>
public sealed partial class SignInSecurityTests
{
    private static PortalFactory Site(TestClock clock, string provider = "Sqlite") => new(provider)
    {
        ConfigureTestServices = services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IStartupFilter, TestClientAddress>();
        },
    };

    private static HttpClient From(PortalFactory site, string address)
    {
        var browser = site.CreateBrowser();
        browser.DefaultRequestHeaders.Add("X-Test-Client", address);
        return browser;
    }

    [GeneratedRegex("value=\"[^\"]*\"")]
    private static partial Regex Varying();

    /// <summary>The page without what changes on every answer (tokens) or what the person typed.</summary>
    private static async Task<string> ShapeAsync(HttpResponseMessage response) =>
        Varying().Replace(Browser.Decode(await response.Content.ReadAsStringAsync()), "value=\"…\"");

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Wrong_passwords_from_twenty_addresses_cannot_lock_the_administrator_out(string provider)
    {
        var clock = new TestClock();
        using var site = Site(clock, provider);
        // An attacker paced to have every attempt checked: each waits out the delay, from a new address.
        for (var i = 1; i <= 20; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(16));
            using var attacker = From(site, $"198.51.100.{i}");
            (await attacker.SignInAsync(password: "Wrong-Passw0rd-" + i)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        // Right after, the owner waits like anyone: the same generic answer, no lock.
        using var owner = From(site, "203.0.113.7");
        var early = await owner.SignInAsync();
        early.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        Browser.Decode(await early.Content.ReadAsStringAsync()).Should().Contain("Adresse ou mot de passe incorrect, ou trop de tentatives : réessayez dans 15 minutes.");

        // Once the capped delay has passed, the right password signs in.
        clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var signedIn = await owner.SignInAsync();
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.Should().Be("/admin");
        (await owner.GetAsync("/admin")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await site.WithDbAsync(db => db.Users.Where(u => u.Email == PortalFactory.AdminEmail).Select(u => u.LockoutEnd).SingleAsync())).Should().BeNull();
    }

    [Fact]
    public async Task Unknown_and_existing_accounts_get_the_same_answers_wrong_or_throttled()
    {
        var clock = new TestClock();
        using var site = Site(clock);
        async Task<List<(HttpStatusCode, string)>> AttemptsAsync(string email, string address)
        {
            using var browser = From(site, address);
            var answers = new List<(HttpStatusCode, string)>();
            for (var i = 0; i < 5; i++)
            {
                var response = await browser.SignInAsync(email, "Wrong-Passw0rd-" + i);
                answers.Add((response.StatusCode, await ShapeAsync(response)));
            }
            return answers;
        }

        var existing = await AttemptsAsync(PortalFactory.AdminEmail, "198.51.100.1");
        var unknown = await AttemptsAsync("nobody@test.example", "198.51.100.2");

        existing.Select(a => a.Item1).Should().Equal(HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests);
        unknown.Select(a => a.Item1).Should().Equal(existing.Select(a => a.Item1));
        unknown.Select(a => a.Item2).Should().Equal(existing.Select(a => a.Item2));
        existing[0].Item2.Should().Contain("L'adresse e-mail ou le mot de passe est incorrect.");
        existing[3].Item2.Should().Contain("réessayez dans 1 minute.");
    }

    [Fact]
    public async Task An_old_session_cookie_gets_the_sign_in_page_after_sign_out()
    {
        var clock = new TestClock();
        using var site = Site(clock);
        using var browser = site.CreateBrowser();
        var signedIn = await browser.SignInAsync();
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Portal.Auth=", StringComparison.Ordinal)).Split(';')[0];
        using var copy = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        clock.Advance(TimeSpan.FromSeconds(1));
        (await copy.GetAsync("/admin")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await browser.PostFormAsync("/admin", "/admin/logout", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        clock.Advance(TimeSpan.FromSeconds(1));

        var replayed = await copy.GetAsync("/admin");
        replayed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        replayed.Headers.Location!.OriginalString.Should().Contain("/admin/login");
    }

    /// <summary>What an authenticator app shows for this key at this clock's time, <paramref name="offsetSteps"/> steps of 30 s later.</summary>
    private static string Totp(string base32Key, TestClock clock, long offsetSteps = 0)
    {
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in base32Key.Replace(" ", "").ToUpperInvariant())
        {
            buffer = (buffer << 5) | "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(c);
            bits += 5;
            if (bits >= 8) { bytes.Add((byte)(buffer >> (bits - 8))); bits -= 8; }
        }
        var counter = BitConverter.GetBytes(clock.GetUtcNow().ToUnixTimeSeconds() / 30 + offsetSteps);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(bytes.ToArray(), counter);
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6");
    }

    private static async Task<string> EnableTwoStepAsync(HttpClient browser, TestClock clock)
    {
        var page = Browser.Decode(await browser.GetStringAsync("/admin/account/security"));
        var key = Regex.Match(page, "<code class=\"totp-key\">([^<]+)</code>").Groups[1].Value;
        (await browser.PostFormAsync("/admin/account/security", "/admin/account/security/enable", [new("code", Totp(key, clock))])).StatusCode.Should().Be(HttpStatusCode.OK);
        return key;
    }

    [Fact]
    public async Task An_authenticator_code_is_accepted_once()
    {
        var clock = new TestClock();
        using var site = Site(clock);
        using var browser = site.CreateBrowser();
        await browser.SignInAsync();
        var key = await EnableTwoStepAsync(browser, clock);

        // The code that turned it on cannot sign in.
        using var second = site.CreateBrowser();
        (await second.SignInAsync()).Headers.Location!.OriginalString.Should().StartWith("/admin/login/code");
        var reused = await second.PostFormAsync("/admin/login/code", "/admin/login/code", [new("code", Totp(key, clock))]);
        reused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Browser.Decode(await reused.Content.ReadAsStringAsync()).Should().Contain("a déjà servi");

        clock.Advance(TimeSpan.FromSeconds(30));
        var fresh = Totp(key, clock);
        (await second.PostFormAsync("/admin/login/code", "/admin/login/code", [new("code", fresh)])).StatusCode.Should().Be(HttpStatusCode.Redirect);

        // Seen over someone's shoulder, the same code does not open a second session.
        using var third = site.CreateBrowser();
        await third.SignInAsync();
        (await third.PostFormAsync("/admin/login/code", "/admin/login/code", [new("code", fresh)])).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await third.GetAsync("/admin")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Turning_two_step_sign_in_on_signs_out_the_other_sessions()
    {
        var clock = new TestClock();
        using var site = Site(clock);
        using var phone = site.CreateBrowser();
        using var laptop = site.CreateBrowser();
        await phone.SignInAsync();
        await laptop.SignInAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        (await phone.GetAsync("/admin")).StatusCode.Should().Be(HttpStatusCode.OK);

        await EnableTwoStepAsync(laptop, clock);
        clock.Advance(TimeSpan.FromSeconds(1));

        (await laptop.GetAsync("/admin")).StatusCode.Should().Be(HttpStatusCode.OK);
        var other = await phone.GetAsync("/admin");
        other.StatusCode.Should().Be(HttpStatusCode.Redirect);
        other.Headers.Location!.OriginalString.Should().Contain("/admin/login");
    }

    [Fact]
    public async Task Turning_two_step_sign_in_off_needs_the_password_and_wrong_tries_wait()
    {
        var clock = new TestClock();
        using var site = Site(clock);
        using var browser = site.CreateBrowser();
        await browser.SignInAsync();
        var key = await EnableTwoStepAsync(browser, clock);
        async Task<bool> EnabledAsync() => await site.WithDbAsync(db => db.Users.Where(u => u.Email == PortalFactory.AdminEmail).Select(u => u.TwoFactorEnabled).SingleAsync());

        clock.Advance(TimeSpan.FromSeconds(30));
        var withoutPassword = await browser.PostFormAsync("/admin/account/security", "/admin/account/security/disable", [new("code", Totp(key, clock))]);
        withoutPassword.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Browser.Decode(await withoutPassword.Content.ReadAsStringAsync()).Should().Contain("Le mot de passe est incorrect.");
        for (var i = 0; i < 2; i++)
            (await browser.PostFormAsync("/admin/account/security", "/admin/account/security/disable", [new("password", "Wrong-Passw0rd-" + i), new("code", Totp(key, clock))]))
                .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        // Three wrong tries: even the right password and code now wait.
        (await browser.PostFormAsync("/admin/account/security", "/admin/account/security/disable", [new("password", PortalFactory.AdminPassword), new("code", Totp(key, clock))]))
            .StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await EnabledAsync()).Should().BeTrue();

        clock.Advance(TimeSpan.FromSeconds(30));
        var disabled = await browser.PostFormAsync("/admin/account/security", "/admin/account/security/disable", [new("password", PortalFactory.AdminPassword), new("code", Totp(key, clock))]);
        disabled.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await EnabledAsync()).Should().BeFalse();
    }

    private static async Task<List<MimeKit.MimeMessage>> MailsToAsync(PortalFactory site, string address, int expected)
    {
        var folder = Path.Combine(site.DataDirectory, "mail");
        var found = new List<MimeKit.MimeMessage>();
        for (var i = 0; i < 100 && found.Count < expected; i++)
        {
            await Task.Delay(100);
            found = System.IO.Directory.Exists(folder)
                ? System.IO.Directory.GetFiles(folder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).Where(m => m.To.ToString().Contains(address)).ToList()
                : [];
        }
        return found;
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_by_a_single_use_link_sent_by_mail()
    {
        var clock = new TestClock();
        using var site = Site(clock);
        using var elsewhere = site.CreateBrowser();
        await elsewhere.SignInAsync();
        using var browser = site.CreateBrowser();
        Browser.Decode(await browser.GetStringAsync("/admin/login")).Should().Contain("href=\"/admin/password/forgot\"").And.Contain("Mot de passe oublié ?");

        var asked = await browser.PostFormAsync("/admin/password/forgot", "/admin/password/forgot", [new("email", PortalFactory.AdminEmail)]);
        var unknown = await browser.PostFormAsync("/admin/password/forgot", "/admin/password/forgot", [new("email", "nobody@test.example")]);
        asked.StatusCode.Should().Be(HttpStatusCode.OK);
        unknown.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ShapeAsync(unknown)).Should().Be(await ShapeAsync(asked)).And.Contain("Si un compte existe pour cette adresse, un message y a été envoyé");

        var mail = (await MailsToAsync(site, PortalFactory.AdminEmail, 1)).Should().ContainSingle().Subject;
        mail.Subject.Should().Be("Choisir un nouveau mot de passe");
        var link = new Uri(Regex.Match(mail.TextBody ?? "", @"http://\S+/admin/password/reset\?\S+").Value).PathAndQuery;
        (await MailsToAsync(site, "nobody@test.example", 0)).Should().BeEmpty();

        // The policy, field by field.
        var weak = await browser.SubmitAsync(link, "/admin/password/reset", ("password", "short"), ("confirm", "short"));
        weak.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var weakPage = Browser.Decode(await weak.Content.ReadAsStringAsync());
        weakPage.Should().Contain("Au moins 12 caractères.").And.Contain("Ajoutez une majuscule.").And.Contain("aria-describedby=\"password-hint password-error\"");

        const string chosen = "Nouveau-Passw0rd-2026";
        var reset = await browser.SubmitAsync(link, "/admin/password/reset", ("password", chosen), ("confirm", chosen));
        reset.StatusCode.Should().Be(HttpStatusCode.Redirect);
        reset.Headers.Location!.OriginalString.Should().Be("/admin/login");
        Browser.Decode(await browser.GetStringAsync("/admin/login")).Should().Contain("Votre mot de passe est changé");

        (await browser.SignInAsync(password: PortalFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await browser.SignInAsync(password: chosen)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        // The link served once; the session opened before the reset is over.
        var again = await browser.GetAsync(link);
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Browser.Decode(await again.Content.ReadAsStringAsync()).Should().Contain("Ce lien a expiré ou a déjà servi.");
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query);
        (await browser.PostFormAsync("/admin/login", "/admin/password/reset", [new("user", query["user"]!), new("token", query["token"]!), new("password", "Autre-Passw0rd-2026"), new("confirm", "Autre-Passw0rd-2026")]))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        clock.Advance(TimeSpan.FromSeconds(1));
        (await elsewhere.GetAsync("/admin")).Headers.Location!.OriginalString.Should().Contain("/admin/login");
    }

    [Fact]
    public async Task Changing_the_password_signs_out_the_other_sessions_and_keeps_this_one()
    {
        var clock = new TestClock();
        using var site = Site(clock);
        using var phone = site.CreateBrowser();
        using var laptop = site.CreateBrowser();
        await phone.SignInAsync();
        await laptop.SignInAsync();
        const string page = "/admin/account/security", action = "/admin/account/security/password", chosen = "Nouveau-Passw0rd-2026";

        var wrong = await laptop.PostFormAsync(page, action, [new("current", "Wrong-Passw0rd-1"), new("password", chosen), new("confirm", chosen)]);
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Browser.Decode(await wrong.Content.ReadAsStringAsync()).Should().Contain("id=\"current-error\">Le mot de passe est incorrect.");
        var weak = await laptop.PostFormAsync(page, action, [new("current", PortalFactory.AdminPassword), new("password", "short"), new("confirm", "short")]);
        Browser.Decode(await weak.Content.ReadAsStringAsync()).Should().Contain("id=\"new-password-error\">Au moins 12 caractères.");
        var changed = await laptop.PostFormAsync(page, action, [new("current", PortalFactory.AdminPassword), new("password", chosen), new("confirm", chosen)]);
        changed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        clock.Advance(TimeSpan.FromSeconds(1));

        (await laptop.GetAsync("/admin")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await phone.GetAsync("/admin")).Headers.Location!.OriginalString.Should().Contain("/admin/login");
        using var again = site.CreateBrowser();
        (await again.SignInAsync(password: chosen)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task An_administrator_editing_their_own_account_stays_signed_in()
    {
        var clock = new TestClock();
        using var site = Site(clock);
        using var browser = site.CreateBrowser();
        await browser.SignInAsync();
        var id = await site.WithDbAsync(db => db.Users.Where(u => u.Email == PortalFactory.AdminEmail).Select(u => u.Id).SingleAsync());
        (await browser.SubmitAsync($"/admin/users/{id}", $"/admin/users/{id}", ("Name", "Admin"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        clock.Advance(TimeSpan.FromSeconds(1));
        (await browser.GetAsync("/admin")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_reset_link_expires_after_two_hours()
    {
        var clock = new TestClock();
        using var site = Site(clock);
        using var browser = site.CreateBrowser();
        (await browser.PostFormAsync("/admin/password/forgot", "/admin/password/forgot", [new("email", PortalFactory.AdminEmail)])).StatusCode.Should().Be(HttpStatusCode.OK);
        var mail = (await MailsToAsync(site, PortalFactory.AdminEmail, 1)).Should().ContainSingle().Subject;
        var link = new Uri(Regex.Match(mail.TextBody ?? "", @"http://\S+/admin/password/reset\?\S+").Value).PathAndQuery;
        clock.Advance(TimeSpan.FromMinutes(119));
        (await browser.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.OK);

        clock.Advance(TimeSpan.FromMinutes(2));

        (await browser.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Reset_requests_for_one_address_wait_after_three_messages()
    {
        var clock = new TestClock();
        using var site = Site(clock);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var browser = From(site, $"198.51.100.{i + 1}");
            var response = await browser.PostFormAsync("/admin/password/forgot", "/admin/password/forgot", [new("email", PortalFactory.AdminEmail)]);
            statuses.Add(response.StatusCode);
            if (i == 3) Browser.Decode(await response.Content.ReadAsStringAsync()).Should().Contain("Trop de demandes : réessayez dans 1 minute.");
        }

        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        (await MailsToAsync(site, PortalFactory.AdminEmail, 3)).Should().HaveCount(3);
        clock.Advance(TimeSpan.FromMinutes(1));
        using var later = From(site, "198.51.100.9");
        (await later.PostFormAsync("/admin/password/forgot", "/admin/password/forgot", [new("email", PortalFactory.AdminEmail)])).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
