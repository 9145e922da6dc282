using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;
using Portal.Newsletter.Controllers;

namespace Portal.Newsletter;

public sealed class NewsletterAdminMenu(IStringLocalizer<NewsletterAdminMenu> T) : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() => [new(T["Newsletter"], "/admin/newsletter", Permissions.ManageNewsletter, 650)];
}

/// <summary>The sign-up on the home page; the footer has its own (the theme shows _FooterNewsletter).</summary>
public sealed class NewsletterHomeSection : IHomeSection
{
    public Task<HomeBlock?> BuildAsync(string culture) =>
        Task.FromResult<HomeBlock?>(new HomeBlock("_HomeNewsletter", NewsletterController.Teaser(culture, "home-nl"), 900));
}

/// <summary>The archive and the sign-up page in the sitemap (campaign pages are content items: the sitemap lists them itself).</summary>
public sealed class NewsletterSitemap : ISitemapSource
{
    public IEnumerable<IReadOnlyDictionary<string, string>> GetPages(IReadOnlyList<string> cultures) =>
    [
        SitemapPages.Of(cultures, c => NewsletterRoutes.PathOf(c)),
        SitemapPages.Of(cultures, c => NewsletterRoutes.PathOf(c, NewsletterRoutes.SignUp)),
    ];
}
