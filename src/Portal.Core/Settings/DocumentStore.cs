using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Data;

namespace Portal.Core.Settings;

/// <summary>Named JSON documents (site settings, setup state): read once per scope, saved with the caller's unit of work.</summary>
public interface IDocumentStore
{
    Task<T> GetAsync<T>(string key) where T : new();
    Task<bool> ExistsAsync(string key);
    Task SaveAsync<T>(string key, T document);
}

public sealed class DocumentStore(PortalDbContext db, TimeProvider clock, IEnumerable<UnfollowedDocuments> unfollowed, DocumentReadModel readModel) : IDocumentStore
{
    private readonly string[] _unfollowed = unfollowed.Select(u => u.KeyPrefix).ToArray();

    private readonly Dictionary<string, object> _cache = new(StringComparer.Ordinal);

    public async Task<T> GetAsync<T>(string key) where T : new()
    {
        if (_cache.TryGetValue(key, out var cached)) return (T)cached;
        // In memory unless a transaction is open (it may hold writes of its own) or the key is bookkeeping no journal row follows.
        var json = db.InTransaction || Unfollowed(key) ? await ReadAsync(key) : await readModel.Json.GetAsync(key, () => ReadAsync(key));
        var document = json is null ? new T() : JsonSerializer.Deserialize<T>(json, ContentJson.Options) ?? new T();
        _cache[key] = document!;
        return document;
    }

    private Task<string?> ReadAsync(string key) => db.Documents.AsNoTracking().Where(d => d.Key == key).Select(d => d.Json).SingleOrDefaultAsync();

    private bool Unfollowed(string key) => _unfollowed.Any(p => key.StartsWith(p, StringComparison.Ordinal));

    public Task<bool> ExistsAsync(string key) => db.Documents.AnyAsync(d => d.Key == key);

    public async Task SaveAsync<T>(string key, T document)
    {
        var record = await db.Documents.SingleOrDefaultAsync(d => d.Key == key);
        if (record is null) db.Documents.Add(record = new DocumentRecord { Key = key });
        record.Json = JsonSerializer.Serialize(document, ContentJson.Options);
        record.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        record.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        // In the same unit of work: every node's read models follow the change.
        if (!Unfollowed(key)) db.ContentChanges.Add(ContentJournal.Of(ContentChangeKind.Settings, key, clock));
        await db.SaveChangesAsync();
        _cache[key] = document!;
    }
}

/// <summary>
/// Documents whose key starts with <see cref="KeyPrefix"/> are a module's bookkeeping (counts, stamps), never read by a
/// page: saving one writes no journal row, so no node drops its read models or cached pages for it.
/// </summary>
public sealed record UnfollowedDocuments(string KeyPrefix);

public static class DocumentKeys
{
    public const string SiteSettings = "SiteSettings";
    public const string SiteState = "SiteState";
}
