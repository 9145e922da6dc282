using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Search.Services;

namespace Portal.Search.Places;

/// <summary>
/// The site's gazetteer: the places every <see cref="IPlaceContributor"/> gives, read once and kept until the search
/// index is rebuilt (a vocabulary changed) or for <see cref="Kept"/>, whichever comes first. Only the first read waits:
/// an older table keeps answering while the next one is read in the background.
/// </summary>
public sealed class Gazetteer(IServiceScopeFactory scopes, SearchIndexManager indexes, TimeProvider clock, ILogger<Gazetteer> logger) : IGazetteer
{
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private (PlaceTable Table, DateTimeOffset Loaded, DateTime? Rebuild)? _current;

    public async Task<PlaceTable> TableAsync(CancellationToken cancellationToken = default)
    {
        if (Fresh() is { } table) return table;
        if (_current is { } stale)
        {
            if (_loading.CurrentCount > 0) _ = Task.Run(RefreshInBackgroundAsync, CancellationToken.None);
            return stale.Table;
        }
        return await LoadAsync(cancellationToken);
    }

    /// <summary>Reads the places again now (after a change that should show at once).</summary>
    public Task<PlaceTable> RefreshAsync(CancellationToken cancellationToken = default)
    {
        _current = null;
        return LoadAsync(cancellationToken);
    }

    private async Task RefreshInBackgroundAsync()
    {
        try { await LoadAsync(CancellationToken.None); }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "The places could not be read again; the gazetteer keeps the ones it has.");
        }
    }

    private async Task<PlaceTable> LoadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } again) return again;
            await using var scope = scopes.CreateAsyncScope();
            var places = new List<Place>();
            foreach (var contributor in scope.ServiceProvider.GetServices<IPlaceContributor>())
                places.AddRange(await contributor.PlacesAsync(cancellationToken));
            var built = new PlaceTable(places);
            _current = (built, clock.GetUtcNow(), indexes.LastRebuildUtc);
            return built;
        }
        finally { _loading.Release(); }
    }

    private PlaceTable? Fresh() =>
        _current is { } c && clock.GetUtcNow() - c.Loaded < Kept && c.Rebuild == indexes.LastRebuildUtc ? c.Table : null;

    public async Task<Place?> FindAsync(string text, string culture, CancellationToken cancellationToken = default) =>
        (await TableAsync(cancellationToken)).Find(text, culture);

    public async Task<PlaceMatch?> RecogniseAsync(string words, string culture, CancellationToken cancellationToken = default) =>
        (await TableAsync(cancellationToken)).Recognise(words, culture);

    public async Task<IReadOnlyList<PlaceSuggestion>> SuggestAsync(string prefix, string culture, int max = 8, CancellationToken cancellationToken = default) =>
        (await TableAsync(cancellationToken)).Suggest(prefix, culture, max);

    public async Task<GazetteerSize> SizeAsync(CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        return new GazetteerSize(table.Places.Count, table.NameCount);
    }
}
