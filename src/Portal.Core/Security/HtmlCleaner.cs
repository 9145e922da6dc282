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

    public string Sanitize(string html) => Remembered('s', html, h => _sanitizer.Sanitize(h));

    public string RenderMarkdown(string markdown) => Remembered('m', markdown, m => _sanitizer.Sanitize(Markdown.ToHtml(m, _markdown)));

    // The same text always gives the same HTML: an entry's description shown on every visit is parsed and cleaned once.
    // Texts up to 32 KB, 1,000 of them at most (the oldest go first): some MB at worst.
    private const int RememberedLength = 32 * 1024;
    private const int RememberedCount = 1000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(char Kind, string Text), string> _remembered = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<(char Kind, string Text)> _order = new();

    private string Remembered(char kind, string text, Func<string, string> make)
    {
        if (text.Length > RememberedLength) return make(text);
        if (_remembered.TryGetValue((kind, text), out var html)) return html;
        html = make(text);
        if (_remembered.TryAdd((kind, text), html))
        {
            _order.Enqueue((kind, text));
            while (_order.Count > RememberedCount && _order.TryDequeue(out var oldest)) _remembered.TryRemove(oldest, out _);
        }
        return html;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    public static string TextOf(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " ")).Trim();
}
