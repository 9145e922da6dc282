using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Content.Parts;

/// <summary>Gives an item a path unique within its culture: typed by the editor, or made from the title.</summary>
public sealed class AutoroutePartHandler(PortalDbContext db, IEnumerable<IAutoroutePrefix> prefixes, ContentWriteBatch batch) : IContentHandler
{
    public int Order => -80;

    public async Task UpdatingAsync(ContentContext context)
    {
        var item = context.Item;
        if (!context.HasPart(BuiltInParts.Autoroute))
        {
            item.Path = null;
            return;
        }
        var prefix = prefixes.Select(p => p.PrefixFor(item)).FirstOrDefault(p => !string.IsNullOrEmpty(p));
        string Full(string slug) => prefix is null ? slug : prefix + "/" + slug;

        var typed = item.Field(BuiltInParts.Autoroute, "Path")?["Text"]?.GetValue<string>()?.Trim('/').ToLowerInvariant();
        if (!string.IsNullOrEmpty(typed))
        {
            item.Path = Full(typed);
            return;
        }
        var baseSlug = Slug.From(item.DisplayText);
        if (baseSlug.Length == 0) baseSlug = Slug.From(item.ContentType);
        var slug = baseSlug;
        for (var n = 2; await IsTakenAsync(item, Full(slug)); n++) slug = $"{baseSlug}-{n}";
        item.Path = Full(slug);
        item.GetOrCreatePart(BuiltInParts.Autoroute)["Path"] = new JsonObject { ["Text"] = slug };
    }

    public async Task ValidatingAsync(ContentValidateContext context)
    {
        var item = context.Item;
        if (!context.HasPart(BuiltInParts.Autoroute) || string.IsNullOrEmpty(item.Path)) return;
        if (await IsTakenAsync(item, item.Path))
            context.Result.Add($"{BuiltInParts.Autoroute}.Path", context.T["The address /{0} is already used by another item in this language.", item.Path]);
    }

    // Written so that the database looks the path up in its (Culture, Path) index: with a term on the parameter alone in
    // the OR ("@culture = ''"), SQLite scanned the whole table for every item saved, and an import of n rows took n² time.
    // In a bulk write, the paths taken are read once for the whole batch (with those of its writes not saved yet).
    private Task<bool> IsTakenAsync(ContentItem item, string path)
    {
        if (batch.Active) return batch.IsPathTakenAsync(db, item, path);
        var culture = item.Culture;
        return culture == ""
            ? db.ContentItems.AnyAsync(i => i.Path == path && i.ContentItemId != item.ContentItemId && (i.Latest || i.Published))
            : db.ContentItems.AnyAsync(i => i.Path == path && i.ContentItemId != item.ContentItemId
                && (i.Culture == culture || i.Culture == "") && (i.Latest || i.Published));
    }
}
