using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Content;

/// <summary>Reads and alters the content definitions stored in the database. Scoped: one read per request.</summary>
public interface IContentDefinitionStore
{
    Task<IReadOnlyList<ContentTypeDefinition>> ListTypesAsync();
    Task<ContentTypeDefinition?> GetTypeAsync(string name);
    Task<ContentPartDefinition?> GetPartAsync(string name);
    Task<IReadOnlyList<ContentPartDefinition>> ListPartsAsync();
    Task SaveTypeAsync(ContentTypeDefinition type);
    Task SavePartAsync(ContentPartDefinition part);
    Task DeleteTypeAsync(string name);

    /// <summary>The parts of a type with their definitions, in position order; the type's own part may have no fields.</summary>
    Task<IReadOnlyList<(ContentTypePartDefinition TypePart, ContentPartDefinition Part)>> GetPartsOfAsync(ContentTypeDefinition type);
}

public sealed class ContentDefinitionStore(PortalDbContext db, TimeProvider clock, Portal.Core.Localization.Cultures cultures) : IContentDefinitionStore
{
    private Dictionary<(string Kind, string Name), ContentDefinitionRecord>? _records;

    private async Task<Dictionary<(string Kind, string Name), ContentDefinitionRecord>> RecordsAsync() =>
        _records ??= (await db.ContentDefinitions.ToListAsync()).ToDictionary(r => (r.Kind, r.Name));

    public async Task<IReadOnlyList<ContentTypeDefinition>> ListTypesAsync() =>
        (await RecordsAsync()).Values.Where(r => r.Kind == ContentDefinitionRecord.TypeKind)
            .Select(r => Read<ContentTypeDefinition>(r)).OrderBy(t => t.DisplayName.For(cultures.Default, cultures), StringComparer.CurrentCulture).ToList();

    public async Task<IReadOnlyList<ContentPartDefinition>> ListPartsAsync() =>
        (await RecordsAsync()).Values.Where(r => r.Kind == ContentDefinitionRecord.PartKind)
            .Select(r => Read<ContentPartDefinition>(r)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

    public async Task<ContentTypeDefinition?> GetTypeAsync(string name) =>
        (await RecordsAsync()).TryGetValue((ContentDefinitionRecord.TypeKind, name), out var r) ? Read<ContentTypeDefinition>(r) : null;

    public async Task<ContentPartDefinition?> GetPartAsync(string name) =>
        (await RecordsAsync()).TryGetValue((ContentDefinitionRecord.PartKind, name), out var r) ? Read<ContentPartDefinition>(r) : null;

    public async Task<IReadOnlyList<(ContentTypePartDefinition TypePart, ContentPartDefinition Part)>> GetPartsOfAsync(ContentTypeDefinition type)
    {
        var result = new List<(ContentTypePartDefinition, ContentPartDefinition)>();
        foreach (var typePart in type.Parts.OrderBy(p => p.Position))
        {
            var partName = string.IsNullOrEmpty(typePart.PartName) ? typePart.Name : typePart.PartName;
            var part = await GetPartAsync(partName) ?? new ContentPartDefinition { Name = partName };
            result.Add((typePart, part));
        }
        return result;
    }

    public Task SaveTypeAsync(ContentTypeDefinition type) => SaveAsync(ContentDefinitionRecord.TypeKind, type.Name, type);

    public Task SavePartAsync(ContentPartDefinition part) => SaveAsync(ContentDefinitionRecord.PartKind, part.Name, part);

    public async Task DeleteTypeAsync(string name)
    {
        var records = await RecordsAsync();
        if (records.Remove((ContentDefinitionRecord.TypeKind, name), out var record))
        {
            db.ContentDefinitions.Remove(record);
            db.ContentChanges.Add(ContentJournal.Of(ContentChangeKind.Definitions, name, clock));
            await db.SaveChangesAsync();
        }
    }

    private async Task SaveAsync(string kind, string name, object definition)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A content definition needs a name.");
        var records = await RecordsAsync();
        var json = JsonSerializer.Serialize(definition, ContentJson.Options);
        if (!records.TryGetValue((kind, name), out var record))
        {
            record = new ContentDefinitionRecord { Kind = kind, Name = name };
            db.ContentDefinitions.Add(record);
            records[(kind, name)] = record;
        }
        else if (record.Definition == json) return;
        record.Definition = json;
        record.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        // In the same unit of work: every node's read models follow the change.
        db.ContentChanges.Add(ContentJournal.Of(ContentChangeKind.Definitions, name, clock));
        await db.SaveChangesAsync();
    }

    private static T Read<T>(ContentDefinitionRecord record) where T : new() =>
        JsonSerializer.Deserialize<T>(record.Definition, ContentJson.Options) ?? new T();
}
