using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;
using Portal.Core.Localization;
using Portal.Newsletter.Data;
using Portal.Newsletter.Models;
using Portal.Newsletter.Services;

namespace Portal.Newsletter.Controllers;

/// <summary>The newsletter's public pages: the archive of past editions (/fr/lettre-d-information, /de/newsletter), an edition, the sign-up.</summary>
[AllowAnonymous]
public sealed class NewsletterController(Editions editions, Subscriptions subscriptions, Cultures cultures, PageMetadata page, IStringLocalizer<NewsletterController> T) : Controller
{
    public const string RateLimit = "newsletter-signup";

    [HttpGet("/{culture:culture}/{segment:localized(newsletter)}")]
    public async Task<IActionResult> Index(string culture, string segment, CancellationToken cancellationToken)
    {
        if (NewsletterRoutes.Table.Segment(NewsletterRoutes.Newsletter, culture) != segment) return RedirectPermanent(NewsletterRoutes.PathOf(culture));
        page.Describe(T["Newsletter"], null, T["The newsletter's past editions, and the form to receive the next ones."]);
        page.Alternates = cultures.Supported.ToDictionary(c => c, c => NewsletterRoutes.PathOf(c));
        return View(new ArchiveViewModel(culture, await editions.ArchiveAsync(culture, cancellationToken), Teaser(culture, "archive-nl")));
    }

    [HttpGet("/{culture:culture}/{segment:localizedexact(newsletter)}/{id:length(26)}")]
    public async Task<IActionResult> Edition(string culture, string id, CancellationToken cancellationToken)
    {
        var edition = await editions.FindAsync(id, cancellationToken);
        if (edition is null || edition.Status == EditionStatus.Draft || await editions.ViewAsync(edition, culture, cancellationToken) is not { } view) return NotFound();
        page.Describe(view.Title, T["Newsletter"], view.Introduction.Length > 0 ? view.Introduction : view.Title).AsArticle();
        var sections = Services.Editions.SectionsOf(edition);
        page.Alternates = cultures.Supported.Where(c => sections.GetValueOrDefault(c) is { Title.Length: > 0 }).ToDictionary(c => c, c => $"{NewsletterRoutes.PathOf(c)}/{id}");
        return View(new EditionPageViewModel(view, edition.SendStartedUtc));
    }

    [HttpGet("/{culture:culture}/{segment:localizedexact(newsletter)}/{signup:localizedexact(newsletter-signup)}")]
    public IActionResult SignUp(string culture)
    {
        Response.Headers.CacheControl = "no-store";
        SignUpPage(culture);
        return View(new SignUpPageViewModel(Blank(culture, "nl"), Review: false));
    }

    /// <summary>
    /// The footer's and the home page's form land here: it only shows what was typed (and what is wrong) in the sign-up
    /// form, with its antiforgery token, to confirm. It changes nothing, so those pages need no token (and stay cacheable).
    /// </summary>
    [HttpPost("/{culture:culture}/{segment:localizedexact(newsletter)}/{signup:localizedexact(newsletter-signup)}/{review:localizedexact(newsletter-review)}"), IgnoreAntiforgeryToken]
    public IActionResult Review(string culture)
    {
        Response.Headers.CacheControl = "no-store";
        var form = SignUpForm.Read(Request.Form);
        var errors = form.Validate(T, cultures);
        SignUpPage(culture);
        return View("SignUp", new SignUpPageViewModel(new SignUpFormViewModel("nl", NewsletterRoutes.PathOf(culture, NewsletterRoutes.SignUp), form, errors), Review: errors.Count == 0));
    }

    [HttpPost("/{culture:culture}/{segment:localizedexact(newsletter)}/{signup:localizedexact(newsletter-signup)}"), EnableRateLimiting(RateLimit)]
    public async Task<IActionResult> Subscribe(string culture)
    {
        Response.Headers.CacheControl = "no-store";
        var form = SignUpForm.Read(Request.Form);
        var errors = form.Validate(T, cultures);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            SignUpPage(culture);
            return View("SignUp", new SignUpPageViewModel(new SignUpFormViewModel("nl", NewsletterRoutes.PathOf(culture, NewsletterRoutes.SignUp), form, errors), Review: false));
        }
        await subscriptions.SignUpAsync(form);
        page.Describe(T["Check your mailbox"], T["Newsletter"], null);
        return View("Sent");
    }

    private void SignUpPage(string culture)
    {
        page.Describe(T["Receive the newsletter"], T["Newsletter"], null);
        page.Alternates = cultures.Supported.ToDictionary(c => c, c => NewsletterRoutes.PathOf(c, NewsletterRoutes.SignUp));
    }

    /// <summary>An empty sign-up: the page's language, every audience ticked.</summary>
    public static SignUpFormViewModel Blank(string culture, string prefix) =>
        new(prefix, NewsletterRoutes.PathOf(culture, NewsletterRoutes.SignUp), new SignUpForm { Language = culture, Audiences = [.. NewsletterAudiences.All] }, new Dictionary<string, string>());

    /// <summary>The footer's and the home page's form: posts to the review step, without a token.</summary>
    public static SignUpFormViewModel Teaser(string culture, string prefix) => Blank(culture, prefix) with
    {
        Action = $"{NewsletterRoutes.PathOf(culture, NewsletterRoutes.SignUp)}/{NewsletterRoutes.Table.Segment(NewsletterRoutes.Review, culture)}",
        Antiforgery = false,
    };
}
