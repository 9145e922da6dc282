using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Core.Data;

namespace Portal.Contents.Services;

/// <summary>The items a picker offers: the latest of the allowed types, by title, as (id, title).</summary>
public sealed class ContentPickerEditorData(PortalDbContext db) : IFieldEditorDataProvider
{
    public string FieldType => "ContentPicker";

    public async Task<object?> GetAsync(ContentPartFieldDefinition field)
    {
        var types = field.Settings.ContentTypes;
        var query = db.ContentItems.AsNoTracking().Where(i => i.Latest);
        if (types.Count > 0) query = query.Where(i => types.Contains(i.ContentType));
        var items = await query.OrderBy(i => i.DisplayText).Take(1000).Select(i => new { i.ContentItemId, i.DisplayText, i.Culture }).ToListAsync();
        return items.Select(i => (i.ContentItemId, string.IsNullOrEmpty(i.Culture) ? i.DisplayText : $"{i.DisplayText} ({i.Culture})")).ToList();
    }
}
