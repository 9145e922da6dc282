using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Core.Security;

namespace Portal.Users.Controllers;

/// <summary>/admin/account/security: two-factor sign-in with an authenticator app (TOTP), optional, for any account.</summary>
[Authorize, Route("admin/account/security")]
public sealed class SecurityController(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, IStringLocalizer<SecurityController> T) : Controller
{
    public sealed class SecurityModel
    {
        public bool Enabled { get; init; }
        public string? Key { get; init; }
        public string? Uri { get; init; }
        public IReadOnlyList<string> RecoveryCodes { get; init; } = [];
        public string? Error { get; init; }
        public string? Notice { get; init; }
        public int RecoveryCodesLeft { get; init; }
    }

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return View("Index", await ModelAsync(user, null, TempData["Notice"] as string));
    }

    private async Task<SecurityModel> ModelAsync(PortalUser user, string? error, string? notice, IReadOnlyList<string>? codes = null)
    {
        var enabled = await users.GetTwoFactorEnabledAsync(user);
        string? key = null;
        if (!enabled)
        {
            key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user);
            }
        }
        return new SecurityModel
        {
            Enabled = enabled,
            Key = key is null ? null : Group(key),
            Uri = key is null ? null : $"otpauth://totp/{System.Uri.EscapeDataString("Portal:" + user.Email)}?secret={key}&issuer=Portal&digits=6",
            RecoveryCodes = codes ?? [],
            RecoveryCodesLeft = enabled ? await users.CountRecoveryCodesAsync(user) : 0,
            Error = error,
            Notice = notice,
        };
    }

    private static string Group(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>Null when the code is the one the person's app shows now; otherwise the page again, with the message.</summary>
    private async Task<IActionResult?> RefusedCodeAsync(PortalUser user, string? code)
    {
        var typed = (code ?? "").Replace(" ", "").Replace("-", "");
        if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed)) return null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", await ModelAsync(user, T["This code is not valid: type the six digits your app shows now."], null));
    }

    [HttpPost("enable"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Enable([FromForm] string? code)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (await RefusedCodeAsync(user, code) is { } refused) return refused;
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 8))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        return View("Index", await ModelAsync(user, null, T["Two-step sign-in is on. Keep these recovery codes somewhere safe: each works once, if you lose your phone."], codes));
    }

    [HttpPost("disable"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Disable([FromForm] string? code)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (await RefusedCodeAsync(user, code) is { } refused) return refused;
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = T["Two-step sign-in is off."].Value;
        return Redirect("/admin/account/security");
    }
}
