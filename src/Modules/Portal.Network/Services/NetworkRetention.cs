using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Network.Data;

namespace Portal.Network.Services;

/// <summary>Deletes rejected applications <see cref="NetworkOptions.RejectedRetentionDays"/> after the decision, and the record of relayed messages after <see cref="NetworkOptions.ContactRetentionDays"/>.</summary>
public sealed class NetworkRetention(NetworkDbContext network, TimeProvider clock, IOptions<NetworkOptions> options)
{
    public async Task<int> DeleteOldAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rejectedBefore = now.AddDays(-options.Value.RejectedRetentionDays);
        var contactsBefore = now.AddDays(-options.Value.ContactRetentionDays);
        var rejected = await network.Professionals.Where(p => p.Status == ProfessionalStatus.Rejected && p.DecidedUtc < rejectedBefore).ExecuteDeleteAsync();
        var contacts = await network.Contacts.Where(c => c.SentUtc < contactsBefore).ExecuteDeleteAsync();
        return rejected + contacts;
    }
}

/// <summary>Runs <see cref="NetworkRetention"/> a minute after start, then every hour, as the events' retention job does.</summary>
public sealed class NetworkRetentionService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<NetworkRetentionService> logger) : BackgroundService
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
                var deleted = await scope.ServiceProvider.GetRequiredService<NetworkRetention>().DeleteOldAsync();
                if (deleted > 0) logger.LogInformation("Network: {Deleted} rows deleted after the retention period.", deleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The network's retention job failed; it runs again in an hour.");
            }
        }
    }
}
