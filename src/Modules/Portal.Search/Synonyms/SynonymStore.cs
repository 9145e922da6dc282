using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Localization;
using Portal.Core.Settings;
using Portal.Search.Engine;

namespace Portal.Search.Synonyms;

/// <summary>
/// The synonym groups, kept in the document store and in memory, analysed per culture for the searches of this node.
/// A change made here shows in the next search; one made on another node within <see cref="SynonymCache.Freshness"/>.
/// Applied when searching, so a change needs no reindexing.
/// </summary>
public sealed class SynonymStore(PortalDbContext db, IDocumentStore documents, SynonymCache cache, Cultures cultures)
{
    public const string Key = "Search.Synonyms";

    public async Task<IReadOnlyList<SynonymGroup>> ListAsync() => (await cache.GetAsync(LoadAsync)).Groups;

    public async Task<SynonymGroup?> FindAsync(string id) => (await ListAsync()).FirstOrDefault(g => g.Id == id);

    /// <summary>The groups of a culture (and of every culture) analysed as its index analyses text.</summary>
    public async Task<SynonymTable> TableAsync(string culture) => (await cache.GetAsync(LoadAsync)).TableOf(culture);

    /// <summary>Adds the group (without an id) or replaces the one of its id; refused with the problems found.</summary>
    public async Task<IReadOnlyList<SynonymError>> SaveAsync(SynonymGroup group)
    {
        group.Terms = SynonymRules.Tidy(group.Terms);
        var document = await ReadAsync();
        var errors = SynonymRules.Check(group, cultures.Supported, document.Groups);
        if (errors.Count > 0) return errors;
        if (string.IsNullOrEmpty(group.Id)) group.Id = NewId();
        var at = document.Groups.FindIndex(g => g.Id == group.Id);
        if (at >= 0) document.Groups[at] = group;
        else document.Groups.Add(group);
        await WriteAsync(document);
        return [];
    }

    public async Task<bool> DeleteAsync(string id)
    {
        var document = await ReadAsync();
        if (document.Groups.RemoveAll(g => g.Id == id) == 0) return false;
        await WriteAsync(document);
        return true;
    }

    /// <summary>Replaces every group of the given cultures ("*" included) by these, checked first: all or nothing.</summary>
    public async Task<IReadOnlyList<(int Index, SynonymError Error)>> ReplaceAsync(IReadOnlyCollection<string> replacedCultures, IReadOnlyList<SynonymGroup> groups)
    {
        var document = await ReadAsync();
        document.Groups.RemoveAll(g => replacedCultures.Contains(g.Culture));
        var errors = new List<(int, SynonymError)>();
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            group.Terms = SynonymRules.Tidy(group.Terms);
            if (string.IsNullOrEmpty(group.Id)) group.Id = NewId();
            errors.AddRange(SynonymRules.Check(group, cultures.Supported, document.Groups).Select(e => (i, e)));
            document.Groups.Add(group);
        }
        if (errors.Count == 0) await WriteAsync(document);
        return errors;
    }

    private static string NewId() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>The stored document as it is now, not as cached: what a change starts from.</summary>
    private async Task<SynonymDocument> ReadAsync()
    {
        var json = await db.Documents.AsNoTracking().Where(d => d.Key == Key).Select(d => d.Json).SingleOrDefaultAsync();
        return json is null ? new SynonymDocument() : JsonSerializer.Deserialize<SynonymDocument>(json, ContentJson.Options) ?? new SynonymDocument();
    }

    private async Task WriteAsync(SynonymDocument document)
    {
        await documents.SaveAsync(Key, document);
        cache.Invalidate();
    }

    private async Task<(string? Stamp, IReadOnlyList<SynonymGroup>? Groups)> LoadAsync(string? knownStamp)
    {
        var stamp = await db.Documents.AsNoTracking().Where(d => d.Key == Key).Select(d => d.ConcurrencyStamp).SingleOrDefaultAsync();
        if (stamp == knownStamp && knownStamp is not null) return (stamp, null);
        return (stamp, (await ReadAsync()).Groups);
    }
}

/// <summary>This node's copy of the groups and of their per-culture tables, checked against the stored version now and then.</summary>
public sealed class SynonymCache(TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(10);

    public sealed class Snapshot(string? stamp, IReadOnlyList<SynonymGroup> groups, DateTimeOffset checkedAt)
    {
        private readonly ConcurrentDictionary<string, SynonymTable> _tables = new(StringComparer.OrdinalIgnoreCase);

        public string? Stamp { get; } = stamp;
        public IReadOnlyList<SynonymGroup> Groups { get; } = groups;
        public DateTimeOffset CheckedAt { get; set; } = checkedAt;

        public SynonymTable TableOf(string culture) => _tables.GetOrAdd(culture, c =>
            new SynonymTable(Groups.Where(g => g.AppliesTo(c)).Select(g => (IReadOnlyList<string>)g.Terms), new PortalAnalyzer(c, stem: true)));
    }

    private volatile Snapshot? _current;

    /// <param name="load">Given the stamp held, the stored stamp and, when it differs, the stored groups.</param>
    public async Task<Snapshot> GetAsync(Func<string?, Task<(string? Stamp, IReadOnlyList<SynonymGroup>? Groups)>> load)
    {
        var now = clock.GetUtcNow();
        var current = _current;
        if (current is not null && now - current.CheckedAt < Freshness) return current;
        var (stamp, groups) = await load(current?.Stamp);
        if (groups is null && current is not null)
        {
            current.CheckedAt = now;
            return current;
        }
        var fresh = new Snapshot(stamp, groups ?? [], now);
        _current = fresh;
        return fresh;
    }

    public void Invalidate() => _current = null;
}
