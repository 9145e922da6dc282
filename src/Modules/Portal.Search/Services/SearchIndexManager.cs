using System.Text.Json;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Localization;
using Portal.Search.Engine;

namespace Portal.Search.Services;

/// <summary>
/// This node's indexes, one per culture, under <c>{DataDirectory}/search</c>. Follows the content journal with the
/// cursor kept in each index's commit; rebuilds into a new folder and swaps it in, so searches never wait for a
/// rebuild; rebuilds at start an index that is missing or cannot be read.
/// </summary>
public sealed class SearchIndexManager(Portal.Core.Localization.Cultures siteCultures, IServiceScopeFactory scopes, DatabaseOptions database, IOptions<SearchOptions> options, TimeProvider clock,
    ILogger<SearchIndexManager> logger) : IDisposable
{
    private const int BatchSize = 500;
    /// <summary>A gap in the journal's ids younger than this may be a transaction still committing: wait for it.</summary>
    private static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, (LuceneSearchIndex Index, string Folder)> _indexes = new(StringComparer.Ordinal);
    private volatile bool _rebuildRequested;
    private long _passed;

    public string Root { get; } = Path.Combine(database.DataDirectory, "search");
    public DateTime? LastRebuildUtc { get; private set; }
    /// <summary>This node's last full build: the documents written and its time (reading, building, writing and merging).</summary>
    public (int Documents, TimeSpan Elapsed)? LastBuild { get; private set; }
    public bool Ready => _ready.Task.IsCompleted;

    /// <summary>The index of a culture, once the first open or build at start is done.</summary>
    public async Task<LuceneSearchIndex> GetAsync(string culture, CancellationToken cancellationToken = default)
    {
        await _ready.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        lock (_indexes) return _indexes[culture].Index;
    }

    public IReadOnlyDictionary<string, (int Documents, long Cursor)> Status()
    {
        lock (_indexes) return _indexes.ToDictionary(i => i.Key, i => (i.Value.Index.Count, i.Value.Index.Cursor));
    }

    public void RequestRebuild() => _rebuildRequested = true;

    /// <summary>Opens the indexes named in current.json; rebuilds those missing or unreadable.</summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (Ready) return;
        await _write.WaitAsync(cancellationToken);
        try
        {
            // Another caller (the worker, a catch-up) may have opened them while this one waited: opening twice would lock itself out.
            if (Ready) return;
            var current = ReadCurrent();
            var missing = new List<string>();
            foreach (var culture in siteCultures.Supported)
            {
                if (current.TryGetValue(culture, out var folder) && System.IO.Directory.Exists(Path.Combine(Root, folder)))
                {
                    try
                    {
                        var index = new LuceneSearchIndex(FSDirectory.Open(Path.Combine(Root, folder)), culture, create: false, options.Value.StoredFieldNames) { KeepAnswers = options.Value.KeepAnswers };
                        lock (_indexes) _indexes[culture] = (index, folder);
                        continue;
                    }
                    catch (Exception ex) when (ex is IOException or Lucene.Net.Index.CorruptIndexException or UnauthorizedAccessException or InvalidOperationException)
                    {
                        logger.LogWarning("The {Culture} search index in {Folder} cannot be read ({Reason}); rebuilding it from the database.", culture, folder, ex.Message);
                    }
                }
                else logger.LogInformation("No {Culture} search index yet; building it from the database.", culture);
                missing.Add(culture);
            }
            if (missing.Count > 0) await BuildAsync(missing, cancellationToken);
            else DeleteOrphanFolders();
            _ready.TrySetResult();
        }
        finally { _write.Release(); }
    }

    /// <summary>Builds every culture's index anew from the database, then swaps it in.</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken = default)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            _rebuildRequested = false;
            await BuildAsync(siteCultures.Supported, cancellationToken);
            _ready.TrySetResult();
        }
        finally { _write.Release(); }
    }

    private async Task BuildAsync(IReadOnlyCollection<string> cultures, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        System.IO.Directory.CreateDirectory(Root);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var builder = scope.ServiceProvider.GetRequiredService<SearchDocumentBuilder>();
        // Changes made while we read are replayed afterwards; applying one twice does no harm.
        var cursor = await db.ContentChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmmss");
        var built = new Dictionary<string, (LuceneSearchIndex, string)>();
        foreach (var culture in cultures)
        {
            var folder = $"{culture}-{stamp}-{Guid.NewGuid().ToString("N")[..6]}";
            built[culture] = (new LuceneSearchIndex(FSDirectory.Open(Path.Combine(Root, folder)), culture, create: true, options.Value.StoredFieldNames) { KeepAnswers = options.Value.KeepAnswers }, folder);
        }
        var types = builder.Options.IndexedTypes;
        var sets = await builder.AllSetCulturesAsync(cancellationToken);
        long lastId = 0;
        var count = 0;
        // Reading and building stay on this scope's connection; each culture's index writes (analyses) on a thread of its own.
        var writers = built.ToDictionary(b => b.Key, b => new BackgroundWriter(b.Value.Item1, cancellationToken), StringComparer.Ordinal);
        try
        {
            while (true)
            {
                var batch = await db.ContentItems.AsNoTracking().Where(i => i.Published && types.Contains(i.ContentType) && i.Id > lastId)
                    .OrderBy(i => i.Id).Take(BatchSize).ToListAsync(cancellationToken);
                if (batch.Count == 0) break;
                lastId = batch[^1].Id;
                foreach (var item in batch)
                    foreach (var culture in SearchDocumentBuilder.CulturesOf(item, siteCultures, sets.GetValueOrDefault((item.ContentType, item.LocalizationSet ?? item.ContentItemId)) ?? [item.Culture]).Where(built.ContainsKey))
                        if (await builder.BuildAsync(item, culture) is { } document)
                        {
                            await writers[culture].AddAsync(document);
                            count++;
                        }
            }
            foreach (var writer in writers.Values) await writer.FinishAsync();
            foreach (var (index, _) in built.Values)
            {
                index.Optimize();
                index.Commit(cursor);
            }
        }
        catch
        {
            // A build that fails (a document the index refuses, a stop) leaves the indexes in use as they are, and no folder of its own.
            foreach (var writer in writers.Values)
                try { await writer.FinishAsync(); }
                catch (Exception ex) when (ex is not OutOfMemoryException) { logger.LogDebug(ex, "A writer of the failed build stopped."); }
            foreach (var (index, folder) in built.Values)
            {
                try { index.Dispose(); }
                catch (Exception ex) when (ex is not OutOfMemoryException) { logger.LogDebug(ex, "The failed build's index {Folder} could not be closed.", folder); }
                TryDelete(folder);
            }
            throw;
        }
        var retired = new List<(LuceneSearchIndex Index, string Folder)>();
        lock (_indexes)
        {
            foreach (var (culture, entry) in built)
            {
                if (_indexes.TryGetValue(culture, out var old)) retired.Add(old);
                _indexes[culture] = entry;
            }
        }
        WriteCurrent();
        foreach (var (index, folder) in retired)
        {
            index.Dispose();
            TryDelete(folder);
        }
        DeleteOrphanFolders();
        LastRebuildUtc = clock.GetUtcNow().UtcDateTime;
        LastBuild = (count, started.Elapsed);
        logger.LogInformation("Search index built for {Cultures}: {Count} documents in {Elapsed} ms.", string.Join(", ", cultures), count, started.ElapsedMilliseconds);
    }

    /// <summary>Deletes the folders of builds that were never swapped in (a rebuild interrupted by a crash or a stop).</summary>
    private void DeleteOrphanFolders()
    {
        HashSet<string> kept;
        lock (_indexes) kept = _indexes.Values.Select(v => v.Folder).ToHashSet(StringComparer.Ordinal);
        foreach (var dir in System.IO.Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>().Where(d => !kept.Contains(d)))
        {
            logger.LogInformation("Deleting {Folder}, the search index of an interrupted build.", dir);
            TryDelete(dir);
        }
    }

    /// <summary>Applies the journal's changes since this node's cursor; returns how many were applied.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        if (!Ready) await OpenAsync(cancellationToken);
        if (_rebuildRequested)
        {
            await RebuildAsync(cancellationToken);
            return 0;
        }
        await _write.WaitAsync(cancellationToken);
        try
        {
            List<LuceneSearchIndex> indexes;
            lock (_indexes) indexes = _indexes.Values.Select(v => v.Index).ToList();
            // Past the changes that are no content item's (settings, definitions): read once, they change no document.
            var cursor = Math.Max(indexes.Min(i => i.Cursor), Interlocked.Read(ref _passed));
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var changes = await db.ContentChanges.AsNoTracking().Where(c => c.Id > cursor).OrderBy(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (changes.Count == 0)
            {
                await PruneAsync(db, cancellationToken);
                return 0;
            }
            if (cursor > 0 && changes[0].Id > cursor + 1 && !await db.ContentChanges.AnyAsync(c => c.Id <= cursor, cancellationToken)
                && clock.GetUtcNow().UtcDateTime - changes[0].CreatedUtc > JournalKept / 2)
            {
                // This node was away longer than the journal is kept: what it missed is gone, so it builds anew.
                logger.LogWarning("The content journal no longer holds the changes after {Cursor}; rebuilding the search index.", cursor);
                _rebuildRequested = true;
                return 1;
            }
            // Stop before a gap that a transaction still committing may fill.
            var now = clock.GetUtcNow().UtcDateTime;
            var usable = new List<ContentChange>();
            var expected = cursor + 1;
            foreach (var change in changes)
            {
                if (change.Id != expected && now - change.CreatedUtc < GapPatience) break;
                usable.Add(change);
                expected = change.Id + 1;
            }
            if (usable.Count == 0) return 0;

            var builder = scope.ServiceProvider.GetRequiredService<SearchDocumentBuilder>();
            // Settings and definitions are no content item: the index follows only the content's changes.
            var content = usable.Where(c => ContentChangeKind.IsContent(c.Kind)).ToList();
            if (content.Count == 0)
            {
                // Nothing to reindex: the index keeps its cursor (and its commit), this node just reads on from here.
                Interlocked.Exchange(ref _passed, usable[^1].Id);
                return usable.Count;
            }
            if (content.Any(c => c.ContentType == Taxonomies.Services.VocabularyStore.ContentType))
            {
                // Labels and facet trees changed: every document may read differently.
                _rebuildRequested = true;
                return usable.Count;
            }
            var ids = content.Select(c => c.ContentItemId).Distinct().ToList();
            var dependents = new HashSet<string>(StringComparer.Ordinal);
            var types = builder.Options.IndexedTypes;
            foreach (var id in ids)
            {
                // Offers show their organisation's name and place: re-index them with it.
                var quoted = "\"" + id + "\"";
                dependents.UnionWith(await db.ContentItems.AsNoTracking()
                    .Where(i => i.Published && types.Contains(i.ContentType) && i.ContentItemId != id && i.Content.Contains(quoted))
                    .Select(i => i.ContentItemId).ToListAsync(cancellationToken));
            }
            // The other languages' versions of a changed item: one published or withdrawn in a language changes where they are found.
            var siblings = new HashSet<string>(StringComparer.Ordinal);
            foreach (var set in await db.ContentItems.AsNoTracking().Where(i => ids.Contains(i.ContentItemId) && i.LocalizationSet != null)
                         .Select(i => i.LocalizationSet!).Distinct().ToListAsync(cancellationToken))
                siblings.UnionWith(await db.ContentItems.AsNoTracking().Where(i => i.LocalizationSet == set && types.Contains(i.ContentType) && (i.Published || i.Latest))
                    .Select(i => i.ContentItemId).Distinct().ToListAsync(cancellationToken));
            foreach (var id in ids.Concat(dependents).Concat(siblings).Distinct())
            {
                var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == id && i.Published, cancellationToken);
                var cultures = item is null ? null : SearchDocumentBuilder.CulturesOf(item, siteCultures, await builder.SetCulturesAsync(item)).ToHashSet(StringComparer.Ordinal);
                foreach (var index in indexes)
                {
                    var document = item is not null && cultures!.Contains(index.Culture)
                        ? await builder.BuildAsync(item, index.Culture) : null;
                    if (document is null) index.Delete(id);
                    else index.Upsert(document);
                }
            }
            foreach (var index in indexes) index.Commit(usable[^1].Id);
            return usable.Count;
        }
        finally { _write.Release(); }
    }

    /// <summary>How long the content journal keeps a change: a node away for longer rebuilds its index when it returns.</summary>
    public static readonly TimeSpan JournalKept = TimeSpan.FromDays(30);
    private DateTime _lastPrune = DateTime.MinValue;

    /// <summary>At most once an hour, forgets the changes older than <see cref="JournalKept"/>.</summary>
    private async Task PruneAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow().UtcDateTime - _lastPrune < TimeSpan.FromHours(1)) return;
        await PruneJournalAsync(db, cancellationToken);
    }

    /// <summary>Forgets the journal's changes older than <see cref="JournalKept"/> now; returns how many.</summary>
    public async Task<int> PruneJournalAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        _lastPrune = now;
        var before = now - JournalKept;
        var pruned = await db.ContentChanges.Where(c => c.CreatedUtc < before).ExecuteDeleteAsync(cancellationToken);
        if (pruned > 0) logger.LogInformation("Forgot {Count} content changes older than {Days} days.", pruned, JournalKept.TotalDays);
        return pruned;
    }

    private Dictionary<string, string> ReadCurrent()
    {
        var file = Path.Combine(Root, "current.json");
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? [] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private void WriteCurrent()
    {
        Dictionary<string, string> current;
        lock (_indexes) current = _indexes.ToDictionary(i => i.Key, i => i.Value.Folder);
        var file = Path.Combine(Root, "current.json");
        File.WriteAllText(file + ".tmp", JsonSerializer.Serialize(current));
        File.Move(file + ".tmp", file, overwrite: true);
    }

    private void TryDelete(string folder)
    {
        try { System.IO.Directory.Delete(Path.Combine(Root, folder), recursive: true); }
        catch (IOException ex) { logger.LogWarning("Could not delete the old search index {Folder}: {Reason}", folder, ex.Message); }
    }

    public void Dispose()
    {
        lock (_indexes)
        {
            foreach (var (index, _) in _indexes.Values) index.Dispose();
            _indexes.Clear();
        }
    }
}
