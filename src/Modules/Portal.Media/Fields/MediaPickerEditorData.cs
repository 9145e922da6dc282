using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Media.Data;
using Portal.Media.Models;

namespace Portal.Media.Fields;

/// <summary>The files a media picker offers: those of its kind, newest first.</summary>
public sealed class MediaPickerEditorData(MediaDbContext db) : IFieldEditorDataProvider
{
    public string FieldType => "MediaPicker";

    public async Task<object?> GetAsync(ContentPartFieldDefinition field)
    {
        var kind = MediaPickerFieldType.KindOf(field.Settings);
        var query = db.MediaItems.AsNoTracking();
        if (kind is not null) query = query.Where(m => m.Kind == kind);
        return (IReadOnlyList<MediaItem>)await query.OrderByDescending(m => m.ModifiedUtc).Take(500).ToListAsync();
    }
}
