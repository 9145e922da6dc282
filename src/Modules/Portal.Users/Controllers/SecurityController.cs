using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Core.Localization;
using Portal.Core.Security;
using Portal.Users.Services;

namespace Portal.Users.Controllers;

/// <summary>/admin/account/security: two-factor sign-in with an authenticator app (TOTP), optional, for any account.</summary>
[Authorize, Route("admin/account/security")]
public sealed class SecurityController(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, IUserStore<PortalUser> store, SignInThrottle throttle, IStringLocalizer<SecurityController> T) : Controller
{
    public sealed class SecurityModel
    {
        public bool Enabled { get; init; }
        public string? Key { get; init; }
        public string? Uri { get; init; }
        public IReadOnlyList<string> RecoveryCodes { get; init; } = [];
        public string? Error { get; init; }
        public string ErrorField { get; init; } = "code";
        public Dictionary<string, string> PasswordErrors { get; } = [];
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

    private async Task<SecurityModel> ModelAsync(PortalUser user, string? error, string? notice, IReadOnlyList<string>? codes = null, string errorField = "code")
    {
        var enabled = await users.GetTwoFactorEnabledAsync(user);
        string? key = null;
        if (!enabled)
        {
            key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                // A first key for the page, through the store: Identity's reset would change the security stamp and end this session.
                await ((IUserAuthenticatorKeyStore<PortalUser>)store).SetAuthenticatorKeyAsync(user, users.GenerateNewAuthenticatorKey(), HttpContext.RequestAborted);
                await users.UpdateAsync(user);
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
            ErrorField = errorField,
            Notice = notice,
        };
    }

    private static string Group(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    private string TooManyAttempts(TimeSpan wait)
    {
        var minutes = SignInThrottle.Minutes(wait);
        return ((IPluralStringLocalizer)T).Plural(minutes, "Too many failed attempts: try again in {0} minute.", "Too many failed attempts: try again in {0} minutes.").Value;
    }

    /// <summary>Null when the code is the one the person's app shows now; otherwise the page again, with the message.</summary>
    private async Task<IActionResult?> RefusedCodeAsync(PortalUser user, string? code)
    {
        var typed = (code ?? "").Replace(" ", "").Replace("-", "");
        if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed)) return null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", await ModelAsync(user, T["This code is not valid, or was already used: type the six digits your app shows now."], null));
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

    /// <summary>Turning it off needs the password and a fresh code, and wrong tries wait like wrong sign-ins: a stolen session alone cannot remove it.</summary>
    [HttpPost("disable"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Disable([FromForm] string? password, [FromForm] string? code)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        ThrottleKey[] keys = [ThrottleKey.Account(user.Email), ThrottleKey.Address(HttpContext)];
        if (throttle.Wait(keys) is var wait && wait > TimeSpan.Zero)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View("Index", await ModelAsync(user, TooManyAttempts(wait), null));
        }
        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            throttle.Record(keys);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ModelAsync(user, T["The password is wrong."], null, errorField: "password"));
        }
        if (await RefusedCodeAsync(user, code) is { } refused)
        {
            throttle.Record(keys);
            return refused;
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = T["Two-step sign-in is off."].Value;
        return Redirect("/admin/account/security");
    }

    /// <summary>A new password, given the current one: the other sessions end (new security stamp), this one goes on.</summary>
    [HttpPost("password"), ValidateAntiForgeryToken]
    public async Task<IActionResult> ChangePassword([FromForm] string? current, [FromForm] string? password, [FromForm] string? confirm)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        ThrottleKey[] keys = [ThrottleKey.Account(user.Email), ThrottleKey.Address(HttpContext)];
        var model = await ModelAsync(user, null, null);
        if (throttle.Wait(keys) is var wait && wait > TimeSpan.Zero)
        {
            model.PasswordErrors["current"] = TooManyAttempts(wait);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View("Index", model);
        }
        if (string.IsNullOrEmpty(current) || !await users.CheckPasswordAsync(user, current))
        {
            throttle.Record(keys);
            model.PasswordErrors["current"] = T["The password is wrong."];
        }
        else if (string.IsNullOrEmpty(password)) model.PasswordErrors["new-password"] = T["Choose a password."];
        else if (await PasswordRules.ProblemsAsync(users, user, password, T) is { } problems) model.PasswordErrors["new-password"] = problems;
        else if (password != confirm) model.PasswordErrors["confirm"] = T["The two passwords differ."];
        if (model.PasswordErrors.Count == 0)
        {
            var result = await users.ChangePasswordAsync(user, current!, password!);
            if (result.Succeeded)
            {
                await signIn.RefreshSignInAsync(user);
                TempData["Notice"] = T["Your password is changed. Your other sessions are signed out."].Value;
                return Redirect("/admin/account/security");
            }
            model.PasswordErrors["new-password"] = string.Join(" ", result.Errors.Select(e => PasswordRules.Describe(e, users.Options.Password.RequiredLength, T)));
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", model);
    }
}
