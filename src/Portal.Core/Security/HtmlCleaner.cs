using System.Net;
using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;

namespace Portal.Core.Security;

public interface IHtmlCleaner
{
    string Sanitize(string html);

    /// <summary>Markdown to HTML: raw HTML in the source is escaped, and the output sanitized again.</summary>
    string RenderMarkdown(string markdown);
}

public sealed partial class HtmlCleaner : IHtmlCleaner
{
    private readonly HtmlSanitizer _sanitizer;
    private readonly MarkdownPipeline _markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    public HtmlCleaner()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" }) _sanitizer.AllowedSchemes.Add(scheme);
        _sanitizer.AllowedAttributes.Remove("style");
        _sanitizer.AllowedTags.Remove("form");
        _sanitizer.AllowedTags.Remove("input");
        _sanitizer.AllowedTags.Remove("button");
        _sanitizer.AllowedTags.Remove("textarea");
        _sanitizer.AllowedTags.Remove("select");
        _sanitizer.AllowedAttributes.Add("lang");
    }

    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    public string RenderMarkdown(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown, _markdown));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    public static string TextOf(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " ")).Trim();
}
