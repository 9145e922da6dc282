using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Portal.Core.Localization;
using Portal.Core.Security;
using Portal.Users.Services;
using Portal.Users.ViewModels;

namespace Portal.Users.Controllers;

[Route("admin")]
public sealed class AccountController(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, SignInThrottle throttle, Microsoft.Extensions.Configuration.IConfiguration configuration, Cultures cultures, IEnumerable<RouteTable> routes, IStringLocalizer<AccountController> T) : Controller
{
    /// <summary>The partner space's route key (declared by the module that owns it), where a partner lands after signing in.</summary>
    private const string PartnerSpaceRoute = "partner-space";

    /// <summary>The answer to an attempt made before the delay has passed: the same whether the account exists or not.</summary>
    private string TooManyAttempts(TimeSpan wait)
    {
        var minutes = SignInThrottle.Minutes(wait);
        return ((IPluralStringLocalizer)T).Plural(minutes,
            "The e-mail address or the password is wrong, or there were too many attempts: try again in {0} minute.",
            "The e-mail address or the password is wrong, or there were too many attempts: try again in {0} minutes.").Value;
    }

    /// <summary>Where a person lands after signing in without a destination: the back office, or the partner space for partners.</summary>
    private async Task<string> HomeOfAsync(string email)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || !await users.IsInRoleAsync(user, "Partner") || await users.IsInRoleAsync(user, Roles.Administrator)) return "/admin";
        // Partners land in their space, in their own language.
        var culture = cultures.OrDefault(user.PreferredCulture);
        return configuration[$"Portal:Users:PartnerHome:{culture}"] ?? routes.FirstOrDefault(t => t.Contains(PartnerSpaceRoute))?.Path(PartnerSpaceRoute, culture) ?? "/" + culture;
    }

    public sealed class InvitationModel
    {
        public string? User { get; set; }
        public string? Token { get; set; }
        public string? Email { get; set; }
        public string? ReturnUrl { get; set; }
        public Dictionary<string, string> Errors { get; } = [];
        public bool Invalid { get; set; }
    }

    /// <summary>The invitation's link: a signed token from Identity, valid seven days, to choose a password.</summary>
    [HttpGet("invitation"), AllowAnonymous]
    public async Task<IActionResult> Invitation(string? user, string? token, string? returnUrl)
    {
        var account = user is null ? null : await users.FindByIdAsync(user);
        var valid = account is not null && token is not null
            && await users.VerifyUserTokenAsync(account, users.Options.Tokens.PasswordResetTokenProvider, UserManager<PortalUser>.ResetPasswordTokenPurpose, token);
        if (!valid) Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Invitation", new InvitationModel { User = user, Token = token, Email = account?.Email, ReturnUrl = returnUrl, Invalid = !valid });
    }

    [HttpPost("invitation"), AllowAnonymous, ValidateAntiForgeryToken, EnableRateLimiting(Startup.LoginRateLimit)]
    public async Task<IActionResult> InvitationPost([FromForm] string? user, [FromForm] string? token, [FromForm] string? password, [FromForm] string? confirm, [FromForm] string? returnUrl)
    {
        var account = user is null ? null : await users.FindByIdAsync(user);
        var model = new InvitationModel { User = user, Token = token, Email = account?.Email, ReturnUrl = returnUrl };
        if (account is null || token is null) { model.Invalid = true; Response.StatusCode = 400; return View("Invitation", model); }
        if (string.IsNullOrEmpty(password)) model.Errors["password"] = T["Choose a password."];
        else if (password != confirm) model.Errors["confirm"] = T["The two passwords differ."];
        if (model.Errors.Count == 0)
        {
            var result = await users.ResetPasswordAsync(account, token, password!);
            if (result.Succeeded)
            {
                account.EmailConfirmed = true;
                await users.UpdateAsync(account);
                await signIn.SignInAsync(account, isPersistent: false);
                return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : await HomeOfAsync(account.Email!));
            }
            if (result.Errors.Any(e => e.Code == "InvalidToken")) model.Invalid = true;
            else model.Errors["password"] = string.Join(" ", result.Errors.Select(e => T[e.Description].Value));
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Invitation", model);
    }

    [HttpGet("login"), AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View("Login", new LoginViewModel { ReturnUrl = returnUrl, Notice = TempData["Notice"] as string });

    [HttpPost("login"), AllowAnonymous, EnableRateLimiting(Startup.LoginRateLimit)]
    public Task<IActionResult> Login([FromForm] LoginViewModel model) => SignInAsync(model);

    /// <summary>The partners' sign-in (/fr/connexion, /de/anmelden): the same sign-in, with the public site's layout and language.</summary>
    [HttpGet("/{culture:culture}/{segment:localizedexact(sign-in)}"), AllowAnonymous]
    public IActionResult PublicLogin(string? returnUrl) =>
        View("Login", new LoginViewModel { ReturnUrl = returnUrl, Notice = TempData["Notice"] as string, Culture = cultures.Current });

    [HttpPost("/{culture:culture}/{segment:localizedexact(sign-in)}"), AllowAnonymous, EnableRateLimiting(Startup.LoginRateLimit)]
    public Task<IActionResult> PublicLoginPost([FromForm] LoginViewModel model)
    {
        model.Culture = cultures.Current;
        return SignInAsync(model);
    }

    private async Task<IActionResult> SignInAsync(LoginViewModel model)
    {
        if (string.IsNullOrWhiteSpace(model.Email)) model.Errors["Email"] = T["Enter your e-mail address."];
        if (string.IsNullOrEmpty(model.Password)) model.Errors["Password"] = T["Enter your password."];
        if (model.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Login", model);
        }

        var email = model.Email!.Trim();
        ThrottleKey[] keys = [ThrottleKey.Account(email), ThrottleKey.Address(HttpContext)];
        var password = model.Password!;
        if (throttle.Wait(keys) is var wait && wait > TimeSpan.Zero)
        {
            model.Message = TooManyAttempts(wait);
            model.Password = null;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View("Login", model);
        }
        var user = await users.FindByEmailAsync(email);
        Microsoft.AspNetCore.Identity.SignInResult result;
        if (user is null)
        {
            // The same work as for a real account, so that the time taken does not tell whether it exists.
            users.PasswordHasher.VerifyHashedPassword(new PortalUser(), DecoyHash(users.PasswordHasher), password);
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        else result = await signIn.PasswordSignInAsync(user, password, model.RememberMe, lockoutOnFailure: false);
        if (result.RequiresTwoFactor)
            return Redirect($"/admin/login/code?returnUrl={Uri.EscapeDataString(model.ReturnUrl ?? "")}&rememberMe={model.RememberMe}");
        if (result.Succeeded)
        {
            throttle.Reset(keys[0]);
            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl! : await HomeOfAsync(email));
        }

        throttle.Record(keys);
        model.Message = T["The e-mail address or the password is wrong."];
        model.Password = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Login", model);
    }

    private static string? _decoyHash;

    private static string DecoyHash(IPasswordHasher<PortalUser> hasher) =>
        _decoyHash ??= hasher.HashPassword(new PortalUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    public sealed class CodeModel
    {
        public string? ReturnUrl { get; set; }
        public bool RememberMe { get; set; }
        public string? Error { get; set; }
    }

    /// <summary>The second step of signing in when the account has an authenticator app: its six-digit code, or a recovery code.</summary>
    [HttpGet("login/code"), AllowAnonymous]
    public async Task<IActionResult> Code(string? returnUrl, bool rememberMe)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return Redirect("/admin/login");
        return View("Code", new CodeModel { ReturnUrl = returnUrl, RememberMe = rememberMe });
    }

    [HttpPost("login/code"), AllowAnonymous, ValidateAntiForgeryToken, EnableRateLimiting(Startup.LoginRateLimit)]
    public async Task<IActionResult> CodePost([FromForm] string? code, [FromForm] string? returnUrl, [FromForm] bool rememberMe)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return Redirect("/admin/login");
        ThrottleKey[] keys = [ThrottleKey.Account(user.Email), ThrottleKey.Address(HttpContext)];
        if (throttle.Wait(keys) is var wait && wait > TimeSpan.Zero)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View("Code", new CodeModel { ReturnUrl = returnUrl, RememberMe = rememberMe, Error = TooManyAttempts(wait) });
        }
        var typed = (code ?? "").Replace(" ", "").Replace("-", "");
        var result = typed.Length == 6 && typed.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(typed, rememberMe, rememberClient: false)
            : typed.Length > 0 ? await signIn.TwoFactorRecoveryCodeSignInAsync((code ?? "").Trim()) : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (result.Succeeded)
        {
            throttle.Reset(keys[0]);
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : await HomeOfAsync(user.Email!));
        }
        throttle.Record(keys);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Code", new CodeModel
        {
            ReturnUrl = returnUrl, RememberMe = rememberMe,
            Error = T["This code is not valid, or was already used: type the six digits your app shows now, or one of your recovery codes."],
        });
    }

    /// <summary>Signing out changes the security stamp: a copy of the session cookie stops working at once.</summary>
    /// <param name="culture">Given by the public site's sign-out button (the partner space): back to the public sign-in page in that language.</param>
    [HttpPost("logout")]
    public async Task<IActionResult> Logout([FromForm] string? culture)
    {
        if (await users.GetUserAsync(User) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        if (!cultures.IsSupported(culture)) return LocalRedirect("/admin/login");
        TempData["Notice"] = cultures.In(culture!, () => T["You are signed out."].Value);
        return LocalRedirect(UsersRoutes.Table.Path(UsersRoutes.SignIn, culture!));
    }

    [HttpGet("denied"), AllowAnonymous]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    /// <summary>The back office's language, kept in a cookie (public pages take it from their URL).</summary>
    [HttpPost("culture"), AllowAnonymous]
    public IActionResult SetCulture([FromForm] string culture, [FromForm] string? returnUrl)
    {
        if (!cultures.IsSupported(culture)) return BadRequest(T["Unknown language."].Value);
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = Request.IsHttps });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/admin");
    }
}
