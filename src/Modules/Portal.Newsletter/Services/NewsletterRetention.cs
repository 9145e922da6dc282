using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Portal.Newsletter.Services;

/// <summary>The retention job: deletes unconfirmed sign-ups a minute after start, then every hour.</summary>
public sealed class NewsletterRetentionService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<NewsletterRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = TimeSpan.FromMinutes(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(wait, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
            wait = TimeSpan.FromHours(1);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<Subscriptions>().PurgeUnconfirmedAsync(stoppingToken);
                if (purged > 0) logger.LogInformation("Deleted {Count} newsletter sign-ups that were never confirmed.", purged);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Unconfirmed newsletter sign-ups could not be deleted; trying again later.");
            }
        }
    }
}
