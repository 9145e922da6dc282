using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Portal.Search.Services;

/// <summary>This node's worker: opens (or builds) the indexes at start, then applies the content journal as it grows.</summary>
/// <remarks>Whenever the index moves (changes applied, a rebuild swapped in), this node's page cache is evicted: an answer
/// cached between the journal's eviction and the index's catching up would otherwise outlive the change.</remarks>
public sealed class SearchIndexer(SearchIndexManager manager, Portal.Core.Hosting.PageCache pages, ILogger<SearchIndexer> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var rebuilt = manager.LastRebuildUtc;
                var moved = false;
                while (await manager.CatchUpAsync(stoppingToken) > 0) moved = true;
                if (moved || manager.LastRebuildUtc != rebuilt) await pages.EvictAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                // The database may not be set up yet, or be away for a moment: try again, less often.
                if (failures++ % 40 == 0) logger.LogWarning(ex, "The search index could not follow the content changes; trying again.");
            }
            try { await Task.Delay(failures == 0 ? Poll : TimeSpan.FromSeconds(Math.Min(10, failures)), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
