using System.Text;
using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;
using Portal.Core.Localization;
using Portal.Newsletter.Data;

namespace Portal.Newsletter.Services;

/// <summary>What one language's edition says: its texts and the items it shows, grouped by kind.</summary>
public sealed record EditionView(string EditionId, string Culture, string SiteName, string Title, string Introduction, IReadOnlyList<EditionItem> Items)
{
    public IEnumerable<(string Type, List<EditionItem> Items)> Groups =>
        EditionContent.Types.Select(t => (t, Items.Where(i => i.ContentType == t).ToList())).Where(g => g.Item2.Count > 0);

    public IEnumerable<string> Paragraphs => Introduction.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The links a recipient's copy carries (a test or a preview carries the archive's).</summary>
public sealed record RecipientLinks(string Preferences, string Unsubscribe);

/// <summary>
/// An edition as a mail: semantic HTML in the recipient's language (lang attribute, headings, lists, link texts that say
/// where they lead; no image, so no missing alternative; no tracking pixel, no third-party resource, no style needed) and
/// the same as plain text.
/// </summary>
public sealed class EditionMail(PublicUrl site, Cultures cultures, IStringLocalizer<EditionMail> T)
{
    /// <summary>French and German letters as they are (the mail is UTF-8); only markup characters are escaped.</summary>
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string GroupTitleKey(string type) => type switch { "News" => "News", "Event" => "Events", _ => "Resources" };

    public (string Subject, string Text, string Html) Render(EditionView view, RecipientLinks links) => cultures.In(view.Culture, () =>
    {
        var archive = site.For($"{NewsletterRoutes.PathOf(view.Culture)}/{view.EditionId}");
        return (view.Title, Text(view, links, archive), Html(view, links, archive));
    });

    private string Text(EditionView view, RecipientLinks links, string archive)
    {
        var text = new StringBuilder();
        text.Append(view.SiteName).Append("\n\n").Append(view.Title).Append('\n').Append(new string('=', Math.Min(view.Title.Length, 70))).Append("\n\n");
        foreach (var paragraph in view.Paragraphs) text.Append(paragraph).Append("\n\n");
        foreach (var (type, items) in view.Groups)
        {
            var heading = T[GroupTitleKey(type)].Value;
            text.Append(heading).Append('\n').Append(new string('-', heading.Length)).Append("\n\n");
            foreach (var item in items)
            {
                text.Append("* ").Append(item.Title).Append('\n');
                if (item.Summary is not null) text.Append("  ").Append(item.Summary).Append('\n');
                text.Append("  ").Append(site.For(item.Path)).Append("\n\n");
            }
        }
        text.Append("--\n").Append(T["Read this newsletter on the site: {0}", archive].Value).Append('\n')
            .Append(T["Change your language or audiences: {0}", links.Preferences].Value).Append('\n')
            .Append(T["Unsubscribe in one click: {0}", links.Unsubscribe].Value).Append('\n');
        return text.ToString();
    }

    private string Html(EditionView view, RecipientLinks links, string archive)
    {
        static string E(string s) => Encoder.Encode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(E(view.Culture)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Append(E(view.Title)).Append("</title>\n</head>\n<body>\n")
            .Append("<header>\n<p>").Append(E(view.SiteName)).Append("</p>\n</header>\n<main>\n<h1>").Append(E(view.Title)).Append("</h1>\n");
        foreach (var paragraph in view.Paragraphs) html.Append("<p>").Append(E(paragraph).Replace("\n", "<br>")).Append("</p>\n");
        var n = 0;
        foreach (var (type, items) in view.Groups)
        {
            n++;
            html.Append("<section aria-labelledby=\"section-").Append(n).Append("\">\n<h2 id=\"section-").Append(n).Append("\">").Append(E(T[GroupTitleKey(type)].Value)).Append("</h2>\n<ul>\n");
            foreach (var item in items)
            {
                html.Append("<li>\n<h3><a href=\"").Append(E(site.For(item.Path))).Append("\">").Append(E(item.Title)).Append("</a></h3>\n");
                if (item.Summary is not null) html.Append("<p>").Append(E(item.Summary)).Append("</p>\n");
                html.Append("</li>\n");
            }
            html.Append("</ul>\n</section>\n");
        }
        html.Append("</main>\n<footer>\n<p><a href=\"").Append(E(archive)).Append("\">").Append(E(T["Read this newsletter on the site"].Value)).Append("</a></p>\n")
            .Append("<p><a href=\"").Append(E(links.Preferences)).Append("\">").Append(E(T["Change your language or audiences"].Value)).Append("</a></p>\n")
            .Append("<p><a href=\"").Append(E(links.Unsubscribe)).Append("\">").Append(E(T["Unsubscribe from the newsletter"].Value)).Append("</a></p>\n")
            .Append("</footer>\n</body>\n</html>\n");
        return html.ToString();
    }
}
