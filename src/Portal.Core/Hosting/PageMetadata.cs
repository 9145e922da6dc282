using System.Text.RegularExpressions;

namespace Portal.Core.Hosting;

/// <summary>
/// What the public layout writes in a page's head (title, description, canonical and language links, Open Graph),
/// set once per request by the view or controller that renders the page, partial views included. The layout
/// builds the title as "heading · section · site name" and makes every address absolute with <see cref="PublicUrl"/>.
/// </summary>
public sealed partial class PageMetadata
{
    /// <summary>The page's own heading (its h1); null on the home page.</summary>
    public string? Title { get; set; }

    /// <summary>The part of the site the page belongs to ("Organisations", "News"), when it is not the page itself.</summary>
    public string? Section { get; set; }

    /// <summary>One or two sentences for search engines and shared links: the entry's summary or the page's introduction.</summary>
    public string? Description { get; set; }

    /// <summary>A path or absolute address of the image shown when the page is shared.</summary>
    public string? Image { get; set; }

    /// <summary>The same page in each culture: culture code → path (with its query when it matters).</summary>
    public IReadOnlyDictionary<string, string>? Alternates { get; set; }

    /// <summary>"article" for an entry or a news item; "website" otherwise.</summary>
    public string Kind { get; set; } = "website";

    /// <summary>Whether the page offers to print it and to share its address (entries, news, events, search results).</summary>
    public bool Tools { get; set; }

    public PageMetadata Describe(string? title, string? section, string? description)
    {
        Title = title;
        Section = section;
        Description = Excerpt(description);
        return this;
    }

    /// <summary>An entry, a news item or an event: shared as an article, with the print and share buttons.</summary>
    public PageMetadata AsArticle()
    {
        Kind = "article";
        Tools = true;
        return this;
    }

    /// <summary>Plain text of at most <paramref name="max"/> characters, cut at a word, from text, Markdown or HTML.</summary>
    public static string? Excerpt(string? text, int max = 200)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var plain = Spaces().Replace(Markup().Replace(Tags().Replace(text, " "), ""), " ").Trim();
        plain = System.Net.WebUtility.HtmlDecode(plain);
        if (plain.Length <= max) return plain.Length == 0 ? null : plain;
        var cut = plain.LastIndexOf(' ', max - 1);
        return plain[..(cut > max / 2 ? cut : max - 1)].TrimEnd(',', ';', ':', ' ') + "…";
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[*_#>`]+|\[|\]\([^)]*\)")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
