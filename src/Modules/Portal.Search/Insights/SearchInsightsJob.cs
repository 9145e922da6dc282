using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Search.Insights;

/// <summary>
/// Adds the counts held in memory to the database every <see cref="SearchInsightsOptions.FlushInterval"/> (and once
/// more when the site stops), and deletes the weeks older than the retention once an hour.
/// </summary>
public sealed class SearchInsightsJob(SearchInsightsRecorder recorder, IServiceScopeFactory scopes, TimeProvider clock,
    IOptions<SearchInsightsOptions> options, ILogger<SearchInsightsJob> logger) : BackgroundService
{
    private const int Attempts = 3;
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.FlushInterval > TimeSpan.Zero ? options.Value.FlushInterval : TimeSpan.FromSeconds(30);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(interval, clock, stoppingToken);
                await RunOnceAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try { await FlushAsync(); }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException) { logger.LogWarning("Search counts could not be saved at shutdown: {Reason}", ex.Message); }
    }

    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync();
            if (clock.GetUtcNow() - _lastPurge >= TimeSpan.FromHours(1))
            {
                await PurgeAsync();
                _lastPurge = clock.GetUtcNow();
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Search counts could not be saved now, they will be next time: {Reason}", ex.Message);
        }
    }

    /// <summary>Adds what was counted since the last flush to each week's document, retrying when another server wrote it meanwhile.</summary>
    public async Task FlushAsync()
    {
        var failed = new List<SearchWeekInsights>();
        foreach (var week in recorder.Take())
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<SearchInsightsStore>().AddAsync(week);
                    break;
                }
                catch (DbUpdateException) when (attempt < Attempts) { }
                catch (DbUpdateException)
                {
                    failed.Add(week);
                    break;
                }
            }
        }
        if (failed.Count > 0) logger.LogWarning("Search counts of {Weeks} week(s) were lost after {Attempts} attempts to save them.", failed.Count, Attempts);
    }

    public async Task<int> PurgeAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SearchInsightsStore>().PurgeAsync(clock.GetUtcNow());
    }
}
