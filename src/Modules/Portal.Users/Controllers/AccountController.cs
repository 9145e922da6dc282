using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Portal.Core.Localization;
using Portal.Core.Security;
using Portal.Users.ViewModels;

namespace Portal.Users.Controllers;

[Route("admin")]
public sealed class AccountController(SignInManager<PortalUser> signIn, IStringLocalizer<AccountController> T) : Controller
{
    [HttpGet("login"), AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginViewModel { ReturnUrl = returnUrl });

    [HttpPost("login"), AllowAnonymous, EnableRateLimiting(Startup.LoginRateLimit)]
    public async Task<IActionResult> Login([FromForm] LoginViewModel model)
    {
        if (string.IsNullOrWhiteSpace(model.Email)) model.Errors["Email"] = T["Enter your e-mail address."];
        if (string.IsNullOrEmpty(model.Password)) model.Errors["Password"] = T["Enter your password."];
        if (model.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(model);
        }

        var result = await signIn.PasswordSignInAsync(model.Email!.Trim(), model.Password!, model.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl! : "/admin");

        model.Message = result.IsLockedOut
            ? T["Too many failed attempts: this account is locked for 15 minutes."]
            : T["The e-mail address or the password is wrong."];
        model.Password = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(model);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/admin/login");
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
        if (!Cultures.IsSupported(culture)) return BadRequest(T["Unknown language."].Value);
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/admin");
    }
}
