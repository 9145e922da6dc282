using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>Optional two-step sign-in with an authenticator app (TOTP, RFC 6238).</summary>
public sealed class TwoFactorTests
{
    /// <summary>What an authenticator app shows for this key now.</summary>
    private static string Totp(string base32Key, long offsetSteps = 0)
    {
        var clean = base32Key.Replace(" ", "").ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(c);
            bits += 5;
            if (bits >= 8) { bytes.Add((byte)(buffer >> (bits - 8))); bits -= 8; }
        }
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 + offsetSteps;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = new HMACSHA1([.. bytes]).ComputeHash(counter);
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6");
    }

    [Fact]
    public async Task An_account_turns_on_two_step_sign_in_and_then_needs_its_code()
    {
        using var factory = new PortalFactory();
        using var browser = factory.CreateBrowser();
        await browser.SignInAsync();
        var page = Browser.Decode(await browser.GetStringAsync("/admin/account/security"));
        var key = Regex.Match(page, "<code class=\"totp-key\">([^<]+)</code>").Groups[1].Value;
        key.Should().NotBeEmpty();

        (await browser.PostFormAsync("/admin/account/security", "/admin/account/security/enable", [new("code", "000000")])).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var enabled = await browser.PostFormAsync("/admin/account/security", "/admin/account/security/enable", [new("code", Totp(key))]);
        enabled.StatusCode.Should().Be(HttpStatusCode.OK);
        var recovery = Regex.Matches(Browser.Decode(await enabled.Content.ReadAsStringAsync()), "<li><code>([^<]+)</code></li>").Select(m => m.Groups[1].Value).ToList();
        recovery.Should().HaveCount(8);

        // Signing in again: the password is not enough.
        using var other = factory.CreateBrowser();
        var first = await other.SignInAsync();
        first.Headers.Location!.OriginalString.Should().StartWith("/admin/login/code");
        (await other.GetAsync("/admin")).Headers.Location!.OriginalString.Should().Contain("/admin/login");
        (await other.PostFormAsync("/admin/login/code", "/admin/login/code", [new("code", "123456")])).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        // The code that turned it on was used once; the next one of the app signs in.
        var second = await other.PostFormAsync("/admin/login/code", "/admin/login/code", [new("code", Totp(key, 1))]);
        second.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.Headers.Location!.OriginalString.Should().Be("/admin");
        (await other.GetAsync("/admin")).StatusCode.Should().Be(HttpStatusCode.OK);

        // A recovery code works once.
        using var third = factory.CreateBrowser();
        await third.SignInAsync();
        (await third.PostFormAsync("/admin/login/code", "/admin/login/code", [new("code", recovery[0])])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var fourth = factory.CreateBrowser();
        await fourth.SignInAsync();
        (await fourth.PostFormAsync("/admin/login/code", "/admin/login/code", [new("code", recovery[0])])).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
