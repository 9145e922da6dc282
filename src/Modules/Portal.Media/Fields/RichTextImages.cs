using Microsoft.EntityFrameworkCore;
using Portal.Contents.ViewModels;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Media.Data;
using Portal.Media.Models;
using Portal.Media.Services;

namespace Portal.Media.Fields;

/// <summary>
/// The images a rich-text (Html) field's editor offers to insert: the library's images, newest first, each at its widest
/// resized copy up to 1280 pixels (the original when it has none) with its alternative texts.
/// </summary>
public sealed class RichTextImages(MediaDbContext db) : IFieldEditorDataProvider
{
    public const int MaxWidth = 1280;

    public string FieldType => "Html";

    public async Task<object?> GetAsync(ContentPartFieldDefinition field)
    {
        var images = await db.MediaItems.AsNoTracking().Where(m => m.Kind == MediaKind.Image)
            .OrderByDescending(m => m.ModifiedUtc).Take(500).ToListAsync();
        return (IReadOnlyList<RichTextImage>)images.Select(ToImage).ToList();
    }

    public static RichTextImage ToImage(MediaItem media)
    {
        var widths = media.ResizedWidths;
        var shown = widths.Where(w => w <= MaxWidth).DefaultIfEmpty().Max();
        var preview = widths.Count > 0 ? widths.Min() : 0;
        return new RichTextImage(
            MediaPaths.Url(media, shown > 0 ? shown : null),
            MediaPaths.Url(media, preview > 0 ? preview : null),
            media.FileName,
            media.AltTextsByCulture);
    }
}
