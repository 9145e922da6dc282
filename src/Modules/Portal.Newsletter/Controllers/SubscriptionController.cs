using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;
using Portal.Core.Localization;
using Portal.Newsletter.Data;
using Portal.Newsletter.Models;
using Portal.Newsletter.Services;

namespace Portal.Newsletter.Controllers;

/// <summary>
/// A subscriber's links, each with their token: confirm (a button, so that a mail scanner following links confirms
/// nothing), preferences, and unsubscribe — whose POST is the one-click unsubscription of RFC 8058 that mail programs
/// send (body <c>List-Unsubscribe=One-Click</c>, no antiforgery token: the token in the address is the proof).
/// </summary>
[AllowAnonymous]
public sealed class SubscriptionController(Subscriptions subscriptions, Cultures cultures, PageMetadata page, IStringLocalizer<SubscriptionController> T) : Controller
{
    private const string Base = "/{culture:culture}/{segment:localizedexact(newsletter)}";

    [HttpGet(Base + "/{confirm:localizedexact(newsletter-confirm)}/{token}")]
    public async Task<IActionResult> Confirm(string culture, string token)
    {
        Private();
        if (await subscriptions.FindAsync(token) is not { } subscriber) return Gone();
        page.Describe(T["Confirm your subscription"], T["Newsletter"], null);
        return View(new TokenPageViewModel(PathOf(culture, NewsletterRoutes.Confirm, token), subscriber.Status == SubscriberStatus.Confirmed ? subscriber.Email : null));
    }

    [HttpPost(Base + "/{confirm:localizedexact(newsletter-confirm)}/{token}")]
    public async Task<IActionResult> Confirmed(string culture, string token)
    {
        Private();
        if (await subscriptions.ConfirmAsync(token) is not { } subscriber) return Gone();
        page.Describe(T["Subscription confirmed"], T["Newsletter"], null);
        return View(new TokenPageViewModel(PathOf(subscriber.Culture, NewsletterRoutes.Preferences, token)));
    }

    [HttpGet(Base + "/{preferences:localizedexact(newsletter-preferences)}/{token}")]
    public async Task<IActionResult> Preferences(string culture, string token)
    {
        Private();
        if (await subscriptions.FindAsync(token) is not { } subscriber) return Gone();
        var form = new SignUpForm { Email = subscriber.Email, Language = subscriber.Culture, Audiences = [.. subscriber.AudienceList] };
        return PreferencesPage(culture, token, form, new Dictionary<string, string>(), saved: false);
    }

    [HttpPost(Base + "/{preferences:localizedexact(newsletter-preferences)}/{token}")]
    public async Task<IActionResult> SavePreferences(string culture, string token)
    {
        Private();
        if (await subscriptions.FindAsync(token) is null) return Gone();
        var form = SignUpForm.Read(Request.Form);
        var errors = form.Validate(T, cultures, withEmail: false);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return PreferencesPage(culture, token, form, errors, saved: false);
        }
        await subscriptions.UpdateAsync(token, form);
        return PreferencesPage(culture, token, form, errors, saved: true);
    }

    [HttpGet(Base + "/{unsubscribe:localizedexact(newsletter-unsubscribe)}/{token}")]
    public async Task<IActionResult> Unsubscribe(string culture, string token)
    {
        Private();
        if (await subscriptions.FindAsync(token) is null) return Gone();
        page.Describe(T["Unsubscribe from the newsletter"], T["Newsletter"], null);
        return View(new TokenPageViewModel(PathOf(culture, NewsletterRoutes.Unsubscribe, token)));
    }

    /// <summary>RFC 8058's one-click POST, and the page's button: the same answer whether the address was still subscribed.</summary>
    [HttpPost(Base + "/{unsubscribe:localizedexact(newsletter-unsubscribe)}/{token}"), IgnoreAntiforgeryToken]
    public async Task<IActionResult> Unsubscribed(string culture, string token)
    {
        Private();
        await subscriptions.UnsubscribeAsync(token);
        page.Describe(T["You are unsubscribed"], T["Newsletter"], null);
        return View(new TokenPageViewModel(NewsletterRoutes.PathOf(culture, NewsletterRoutes.SignUp)));
    }

    private IActionResult PreferencesPage(string culture, string token, SignUpForm form, Dictionary<string, string> errors, bool saved)
    {
        page.Describe(T["Your newsletter preferences"], T["Newsletter"], null);
        var model = new SignUpFormViewModel("pref", PathOf(culture, NewsletterRoutes.Preferences, token), form, errors) { WithEmail = false };
        return View("Preferences", new PreferencesViewModel(token, model, PathOf(culture, NewsletterRoutes.Unsubscribe, token), saved));
    }

    private static string PathOf(string culture, string key, string token) => $"{NewsletterRoutes.PathOf(culture, key)}/{token}";

    private void Private()
    {
        Response.Headers.CacheControl = "no-store";
        // The token is in the address: never sent on to another site.
        Response.Headers["Referrer-Policy"] = "no-referrer";
    }

    private IActionResult Gone()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        page.Describe(T["This link is no longer valid"], T["Newsletter"], null);
        return View("Invalid");
    }
}
