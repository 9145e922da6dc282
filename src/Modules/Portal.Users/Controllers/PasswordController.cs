using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Portal.Core.Localization;
using Portal.Core.Security;
using Portal.Users.Services;
using Portal.Users.ViewModels;

namespace Portal.Users.Controllers;

/// <summary>"Forgot your password?": a link by e-mail to choose a new one, for every account; the same answer whether the address has an account or not.</summary>
[Route("admin/password"), AllowAnonymous]
public sealed class PasswordController(UserManager<PortalUser> users, SignInThrottle throttle, PasswordResetMail mail, Cultures cultures, IStringLocalizer<PasswordController> T) : Controller
{
    private const string PublicForgotRoute = "/{culture:culture}/{segment:localizedexact(forgot-password)}";
    private const string PublicResetRoute = "/{culture:culture}/{segment:localizedexact(reset-password)}";

    [HttpGet("forgot")]
    public IActionResult Forgot() => View("Forgot", new ForgotPasswordViewModel());

    /// <summary>The partners' "mot de passe oublié / Passwort vergessen", in the public site's layout and language.</summary>
    [HttpGet(PublicForgotRoute)]
    public IActionResult PublicForgotPage() => View("Forgot", new ForgotPasswordViewModel { Culture = cultures.Current });

    [HttpPost("forgot"), ValidateAntiForgeryToken, EnableRateLimiting(Startup.LoginRateLimit)]
    public Task<IActionResult> ForgotPost([FromForm] string? email) => ForgotAsync(email, null);

    [HttpPost(PublicForgotRoute), ValidateAntiForgeryToken, EnableRateLimiting(Startup.LoginRateLimit)]
    public Task<IActionResult> PublicForgotPost([FromForm] string? email) => ForgotAsync(email, cultures.Current);

    private async Task<IActionResult> ForgotAsync(string? email, string? culture)
    {
        var model = new ForgotPasswordViewModel { Email = email?.Trim(), Culture = culture };
        if (string.IsNullOrEmpty(model.Email) || !model.Email.Contains('@'))
        {
            model.Errors["email"] = T["Enter the e-mail address of your account, like name@example.org."];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Forgot", model);
        }
        // Counted per address asked for and per client, whether an account exists or not, against mail bombing.
        ThrottleKey[] keys = [ThrottleKey.Account(model.Email, ThrottlePolicy.ResetMail), ThrottleKey.Address(HttpContext, ThrottlePolicy.ResetAddress)];
        if (throttle.Wait(keys) is var wait && wait > TimeSpan.Zero)
        {
            var minutes = SignInThrottle.Minutes(wait);
            model.Message = ((IPluralStringLocalizer)T).Plural(minutes,
                "Too many requests: try again in {0} minute.", "Too many requests: try again in {0} minutes.").Value;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View("Forgot", model);
        }
        throttle.Record(keys);
        if (await users.FindByEmailAsync(model.Email) is { } user) await mail.SendAsync(user, publicSite: culture is not null);
        model.Sent = true;
        return View("Forgot", model);
    }

    [HttpGet("reset")]
    public Task<IActionResult> Reset(string? user, string? token) => ResetPageAsync(user, token, null);

    [HttpGet(PublicResetRoute)]
    public Task<IActionResult> PublicReset(string? user, string? token) => ResetPageAsync(user, token, cultures.Current);

    private async Task<IActionResult> ResetPageAsync(string? user, string? token, string? culture)
    {
        var model = new ResetPasswordViewModel { User = user, Token = token, Culture = culture };
        if (await AccountOfAsync(user, token) is null)
        {
            model.Invalid = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View("Reset", model);
    }

    [HttpPost("reset"), ValidateAntiForgeryToken, EnableRateLimiting(Startup.LoginRateLimit)]
    public Task<IActionResult> ResetPost([FromForm] string? user, [FromForm] string? token, [FromForm] string? password, [FromForm] string? confirm) =>
        ResetAsync(user, token, password, confirm, null);

    [HttpPost(PublicResetRoute), ValidateAntiForgeryToken, EnableRateLimiting(Startup.LoginRateLimit)]
    public Task<IActionResult> PublicResetPost([FromForm] string? user, [FromForm] string? token, [FromForm] string? password, [FromForm] string? confirm) =>
        ResetAsync(user, token, password, confirm, cultures.Current);

    private async Task<IActionResult> ResetAsync(string? user, string? token, string? password, string? confirm, string? culture)
    {
        var model = new ResetPasswordViewModel { User = user, Token = token, Culture = culture };
        Response.StatusCode = StatusCodes.Status400BadRequest;
        if (await AccountOfAsync(user, token) is not { } account)
        {
            model.Invalid = true;
            return View("Reset", model);
        }
        if (string.IsNullOrEmpty(password)) model.Errors["password"] = T["Choose a password."];
        else if (await PasswordRules.ProblemsAsync(users, account, password, T) is { } problems) model.Errors["password"] = problems;
        else if (password != confirm) model.Errors["confirm"] = T["The two passwords differ."];
        if (model.Errors.Count > 0) return View("Reset", model);

        // The change goes through Identity's reset: new hash and new security stamp, which ends every session and voids the link.
        var result = await users.ResetPasswordAsync(account, await users.GeneratePasswordResetTokenAsync(account), password!);
        if (!result.Succeeded)
        {
            model.Errors["password"] = string.Join(" ", result.Errors.Select(e => PasswordRules.Describe(e, users.Options.Password.RequiredLength, T)));
            return View("Reset", model);
        }
        account.EmailConfirmed = true;
        await users.UpdateAsync(account);
        throttle.Reset(ThrottleKey.Account(account.Email));
        TempData["Notice"] = T["Your password is changed: sign in with it."].Value;
        return Redirect(culture is null ? "/admin/login" : UsersRoutes.Table.Path(UsersRoutes.SignIn, culture));
    }

    private async Task<PortalUser?> AccountOfAsync(string? user, string? token)
    {
        var account = string.IsNullOrEmpty(user) ? null : await users.FindByIdAsync(user);
        return account is not null && !string.IsNullOrEmpty(token)
            && await users.VerifyUserTokenAsync(account, ResetLinkTokenProvider.ProviderName, ResetLinkTokenProvider.Purpose, token) ? account : null;
    }
}
