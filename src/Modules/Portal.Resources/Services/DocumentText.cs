using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Portal.Media.Models;
using Portal.Media.Services;
using UglyToad.PdfPig;

namespace Portal.Resources.Services;

/// <summary>The text of one page of a document, numbered from 1.</summary>
public sealed record DocumentPage(int Number, string Text);

/// <summary>
/// The text of the PDF files of the library, page by page (PdfPig), kept in memory per file version: the search index
/// and the library's passages read it, and a replacement (a new version) is read afresh.
/// </summary>
public sealed class DocumentText(IMediaStore store, IMemoryCache cache, ILogger<DocumentText> logger)
{
    private const int MaxPages = 300;
    private const int MaxCharacters = 1_000_000;

    public async Task<IReadOnlyList<DocumentPage>> PagesAsync(MediaItem media)
    {
        if (media.Extension != "pdf") return [];
        var key = $"pdf-text:{media.Id}:{media.Version}";
        if (cache.TryGetValue(key, out IReadOnlyList<DocumentPage>? pages) && pages is not null) return pages;
        pages = await ExtractAsync(media);
        cache.Set(key, pages, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(6), Size = pages.Sum(p => p.Text.Length) + 1 });
        return pages;
    }

    private async Task<IReadOnlyList<DocumentPage>> ExtractAsync(MediaItem media)
    {
        await using var stream = await store.OpenReadAsync(MediaPaths.Stored(media, null));
        if (stream is null) return [];
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        try
        {
            using var document = PdfDocument.Open(buffer.ToArray());
            var pages = new List<DocumentPage>();
            var total = 0;
            foreach (var page in document.GetPages().Take(MaxPages))
            {
                var text = string.Join(' ', page.GetWords().Select(w => w.Text));
                total += text.Length;
                if (total > MaxCharacters) break;
                pages.Add(new DocumentPage(page.Number, text));
            }
            return pages;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A PDF the reader cannot parse is still served; only its text stays out of the search.
            logger.LogWarning(ex, "The text of the PDF {MediaId} (version {Version}) could not be read.", media.Id, media.Version);
            return [];
        }
    }
}
