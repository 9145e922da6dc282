using System.Globalization;
using System.Xml;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Localization;
using Portal.Core.Settings;

namespace Portal.Publishing.Controllers;

/// <summary>The news list and its RSS feed per culture, sitemap.xml with language alternates, robots.txt and the site map page.</summary>
[AllowAnonymous]
public sealed class PublishingController(PortalDbContext db, Cultures cultures, NewsQueries news, IDocumentStore documents, IEnumerable<ISiteNavigation> navigation,
    IEnumerable<ISitemapSource> sitemapSources, PublicUrl publicUrl, IStringLocalizer<PublishingController> T) : Controller
{
    private const int PageSize = 10;

    [HttpGet("/{culture:culture}/{segment:localized(news)}")]
    public async Task<IActionResult> News(string culture, string segment, string? page)
    {
        if (PublishingTypes.NewsSegment(culture) != segment) return RedirectPermanent($"/{culture}/{PublishingTypes.NewsSegment(culture)}{Request.QueryString}");
        if (!QueryValues.TryPage(page, out var number)) return BadRequest(T["The page number must be a whole number from 1 to {0}.", QueryValues.MaxPage].Value);
        var (items, total) = await news.PageAsync(culture, number, PageSize);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (number > pages) return NotFound();
        ViewData["Alternates"] = cultures.Supported.ToDictionary(c => c, c => $"/{c}/{PublishingTypes.NewsSegment(c)}");
        return View("NewsList", new NewsListModel(items, total, number, pages, $"/{culture}/{PublishingTypes.NewsSegment(culture)}", culture));
    }

    [HttpGet("/{culture:culture}/{segment:localized(news)}/rss.xml")]
    public async Task<IActionResult> Rss(string culture, string segment)
    {
        if (PublishingTypes.NewsSegment(culture) != segment) return RedirectPermanent($"/{culture}/{PublishingTypes.NewsSegment(culture)}/rss.xml");
        var (items, _) = await news.PageAsync(culture, 1, 30);
        var settings = await documents.GetAsync<SiteSettings>(DocumentKeys.SiteSettings);
        var site = publicUrl.Base;
        var list = $"{site}/{culture}/{PublishingTypes.NewsSegment(culture)}";
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, "http://www.w3.org/2005/Atom");
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", $"{settings.SiteNameFor(culture, cultures)} – {T["News"]}");
            xml.WriteElementString("link", list);
            xml.WriteElementString("description", settings.TaglineFor(culture, cultures) ?? settings.SiteNameFor(culture, cultures));
            xml.WriteElementString("language", culture);
            xml.WriteStartElement("atom", "link", "http://www.w3.org/2005/Atom");
            xml.WriteAttributeString("href", list + "/rss.xml");
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();
            foreach (var item in items)
            {
                var url = $"{site}/{culture}/{item.Path}";
                xml.WriteStartElement("item");
                xml.WriteElementString("title", item.DisplayText);
                xml.WriteElementString("link", url);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "true");
                xml.WriteString(url);
                xml.WriteEndElement();
                if (item.Field(PublishingTypes.News, "Summary")?["Text"]?.GetValue<string>() is { } summary) xml.WriteElementString("description", summary);
                var date = NewsHandler.DateOf(item) ?? item.PublishedUtc ?? item.ModifiedUtc;
                xml.WriteElementString("pubDate", DateTime.SpecifyKind(date, DateTimeKind.Utc).ToString("r", CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return File(buffer.ToArray(), "application/rss+xml; charset=utf-8");
    }

    /// <summary>Every public address, each with its translations as hreflang alternates.</summary>
    [HttpGet("/sitemap.xml")]
    public async Task<IActionResult> SiteMapXml()
    {
        var site = publicUrl.Base;
        var entries = new List<(string Url, DateTime? Modified, Dictionary<string, string> Alternates)>();
        // The fixed pages of each culture, whose addresses follow a known pattern.
        var fixedPages = new Func<string, string>[] { c => $"/{c}", c => $"/{c}/{PublishingTypes.NewsSegment(c)}", c => $"/{c}/{PublishingTypes.SiteMapSegment(c)}" };
        foreach (var pattern in fixedPages)
        {
            var alternates = cultures.Supported.ToDictionary(c => c, c => site + pattern(c));
            foreach (var culture in cultures.Supported) entries.Add((alternates[culture], null, alternates));
        }
        // The modules' pages (lists, search, map, agenda, proposal, open data…), each with its translations.
        foreach (var page in sitemapSources.SelectMany(s => s.GetPages(cultures.Supported)))
        {
            var alternates = page.ToDictionary(p => p.Key, p => site + p.Value);
            foreach (var url in alternates.Values) entries.Add((url, null, alternates));
        }

        var items = await db.ContentItems.AsNoTracking().Where(i => i.Published && i.Path != null && i.ContentType != "Vocabulary")
            .Select(i => new { i.Culture, i.Path, i.LocalizationSet, i.ModifiedUtc }).ToListAsync();
        var bySet = items.Where(i => i.LocalizationSet != null).GroupBy(i => i.LocalizationSet!).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var item in items)
        {
            var itemCultures = item.Culture == "" ? cultures.Supported : [item.Culture];
            var alternates = new Dictionary<string, string>();
            if (item.Culture == "") foreach (var c in cultures.Supported) alternates[c] = $"{site}/{c}/{item.Path}";
            else if (item.LocalizationSet is { } set) foreach (var t in bySet[set].Where(t => t.Culture != "")) alternates[t.Culture] = $"{site}/{t.Culture}/{t.Path}";
            foreach (var c in itemCultures) entries.Add(($"{site}/{c}/{item.Path}", item.ModifiedUtc, alternates));
        }

        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
        {
            const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
            const string xhtml = "http://www.w3.org/1999/xhtml";
            xml.WriteStartElement("urlset", ns);
            xml.WriteAttributeString("xmlns", "xhtml", null, xhtml);
            foreach (var (url, modified, alternates) in entries.DistinctBy(e => e.Url))
            {
                xml.WriteStartElement("url", ns);
                xml.WriteElementString("loc", ns, url);
                if (modified is { } m) xml.WriteElementString("lastmod", ns, m.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                if (alternates.Count > 1)
                    foreach (var (lang, href) in alternates.Append(new("x-default", alternates.GetValueOrDefault(cultures.Default) ?? alternates.First().Value)))
                    {
                        xml.WriteStartElement("xhtml", "link", xhtml);
                        xml.WriteAttributeString("rel", "alternate");
                        xml.WriteAttributeString("hreflang", lang);
                        xml.WriteAttributeString("href", href);
                        xml.WriteEndElement();
                    }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return File(buffer.ToArray(), "application/xml; charset=utf-8");
    }

    [HttpGet("/robots.txt")]
    public Microsoft.AspNetCore.Mvc.ContentResult Robots() => Content(
        $"User-agent: *\nDisallow: /admin\nDisallow: /api/\nAllow: /api/content\nSitemap: {publicUrl.For("/sitemap.xml")}\n", "text/plain; charset=utf-8");

    [HttpGet("/{culture:culture}/{segment:localized(site-map)}")]
    public async Task<IActionResult> SiteMap(string culture, string segment)
    {
        if (PublishingTypes.SiteMapSegment(culture) != segment) return RedirectPermanent($"/{culture}/{PublishingTypes.SiteMapSegment(culture)}");
        var links = new List<NavigationItem>();
        foreach (var source in navigation) links.AddRange(await source.GetItemsAsync(culture));
        var pages = await PublishingNavigation.PagesAsync(db, culture);
        ViewData["Alternates"] = cultures.Supported.ToDictionary(c => c, c => $"/{c}/{PublishingTypes.SiteMapSegment(c)}");
        return View("SiteMap", new SiteMapModel(culture, links, pages));
    }
}

public sealed record NewsListModel(IReadOnlyList<ContentItem> Items, int Total, int Page, int PageCount, string BaseUrl, string Culture);

public sealed record SiteMapModel(string Culture, IReadOnlyList<NavigationItem> Links, IReadOnlyList<ContentItem> Pages);
