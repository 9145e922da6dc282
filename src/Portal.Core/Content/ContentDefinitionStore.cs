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

    /// <summary>
    /// A type's name as shown in <paramref name="culture"/> (the type's own name when it has none or does not exist):
    /// read from a definition parsed once per change, where <see cref="GetTypeAsync"/> gives a copy to change.
    /// </summary>
    Task<string> TypeDisplayNameAsync(string name, string culture);
    Task<IReadOnlyList<ContentPartDefinition>> ListPartsAsync();
    Task SaveTypeAsync(ContentTypeDefinition type);
    Task SavePartAsync(ContentPartDefinition part);
    Task DeleteTypeAsync(string name);

    /// <summary>The parts of a type with their definitions, in position order; the type's own part may have no fields.</summary>
    Task<IReadOnlyList<(ContentTypePartDefinition TypePart, ContentPartDefinition Part)>> GetPartsOfAsync(ContentTypeDefinition type);
}

/// <summary>Every content definition's JSON, read once and kept until the journal reports a definition saved or deleted.</summary>
public sealed class ContentDefinitionReadModel(IServiceProvider services) : IContentJournalObserver
{
    private const string Key = "all";
    private readonly ReadModelCache<IReadOnlyDictionary<(string Kind, string Name), string>> _all = new(services);

    public Task<IReadOnlyDictionary<(string Kind, string Name), string>> GetAsync(Func<Task<IReadOnlyDictionary<(string Kind, string Name), string>>> load) => _all.GetAsync(Key, load);

    public Task OnChangesAsync(IReadOnlyList<ContentChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Any(c => c.Kind == ContentChangeKind.Definitions)) _all.Clear();
        return Task.CompletedTask;
    }
}

public sealed class ContentDefinitionStore(PortalDbContext db, TimeProvider clock, Portal.Core.Localization.Cultures cultures, ContentDefinitionReadModel readModel) : IContentDefinitionStore
{
    /// <summary>
    /// This scope's view: the read model's definitions, shared, until this scope writes one; then a copy of its own with
    /// its writes (a page that only reads copies nothing).
    /// </summary>
    private IReadOnlyDictionary<(string Kind, string Name), string>? _shared;
    private Dictionary<(string Kind, string Name), string>? _own;

    private async Task<IReadOnlyDictionary<(string Kind, string Name), string>> RecordsAsync()
    {
        if (_own is not null) return _own;
        if (_shared is not null) return _shared;
        // In memory unless a transaction is open (it may hold definitions of its own not yet committed).
        return _shared = db.InTransaction ? await LoadAsync() : await readModel.GetAsync(LoadAsync);
    }

    private async Task<Dictionary<(string Kind, string Name), string>> WritableRecordsAsync() =>
        _own ??= new Dictionary<(string Kind, string Name), string>(await RecordsAsync());

    private async Task<IReadOnlyDictionary<(string Kind, string Name), string>> LoadAsync() =>
        (await db.ContentDefinitions.AsNoTracking().Select(r => new { r.Kind, r.Name, r.Definition }).ToListAsync()).ToDictionary(r => (r.Kind, r.Name), r => r.Definition);

    public async Task<IReadOnlyList<ContentTypeDefinition>> ListTypesAsync() =>
        (await RecordsAsync()).Where(r => r.Key.Kind == ContentDefinitionRecord.TypeKind)
            .Select(r => Read<ContentTypeDefinition>(r.Value)).OrderBy(t => t.DisplayName.For(cultures.Default, cultures), StringComparer.CurrentCulture).ToList();

    public async Task<IReadOnlyList<ContentPartDefinition>> ListPartsAsync() =>
        (await RecordsAsync()).Where(r => r.Key.Kind == ContentDefinitionRecord.PartKind)
            .Select(r => Read<ContentPartDefinition>(r.Value)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

    public async Task<ContentTypeDefinition?> GetTypeAsync(string name) =>
        (await RecordsAsync()).TryGetValue((ContentDefinitionRecord.TypeKind, name), out var r) ? Read<ContentTypeDefinition>(r) : null;

    /// <summary>Type definitions parsed for their display names, by the stored text they were parsed from (kept while it is).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, ContentTypeDefinition> Named = new();

    public async Task<string> TypeDisplayNameAsync(string name, string culture) =>
        (await RecordsAsync()).TryGetValue((ContentDefinitionRecord.TypeKind, name), out var r)
            ? Named.GetValue(r, Read<ContentTypeDefinition>).DisplayNameFor(culture, cultures)
            : name;

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
        var records = await WritableRecordsAsync();
        if (records.Remove((ContentDefinitionRecord.TypeKind, name))
            && await db.ContentDefinitions.FirstOrDefaultAsync(r => r.Kind == ContentDefinitionRecord.TypeKind && r.Name == name) is { } record)
        {
            db.ContentDefinitions.Remove(record);
            db.ContentChanges.Add(ContentJournal.Of(ContentChangeKind.Definitions, name, clock));
            await db.SaveChangesAsync();
        }
    }

    private async Task SaveAsync(string kind, string name, object definition)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A content definition needs a name.");
        var records = await WritableRecordsAsync();
        var json = JsonSerializer.Serialize(definition, ContentJson.Options);
        if (records.TryGetValue((kind, name), out var stored) && stored == json) return;
        var record = await db.ContentDefinitions.FirstOrDefaultAsync(r => r.Kind == kind && r.Name == name);
        if (record is null) db.ContentDefinitions.Add(record = new ContentDefinitionRecord { Kind = kind, Name = name });
        record.Definition = json;
        records[(kind, name)] = json;
        record.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        // In the same unit of work: every node's read models follow the change.
        db.ContentChanges.Add(ContentJournal.Of(ContentChangeKind.Definitions, name, clock));
        await db.SaveChangesAsync();
    }

    private static T Read<T>(string definition) where T : new() =>
        JsonSerializer.Deserialize<T>(definition, ContentJson.Options) ?? new T();
}
