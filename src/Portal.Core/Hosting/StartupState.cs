using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Core.Setup;

namespace Portal.Core.Hosting;

/// <summary>Whether migrations and setup have run; until then every page but /health answers 503.</summary>
public sealed class StartupState
{
    public volatile bool Ready;
    public string? LastError;
}

public sealed class StartupGateMiddleware(RequestDelegate next, StartupState state)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (state.Ready || context.Request.Path.StartsWithSegments("/health"))
        {
            await next(context);
            return;
        }
        await ServiceUnavailablePage.WriteAsync(context);
    }
}

/// <summary>Migrates and sets the site up at start; when the database does not answer, says so once and tries again.</summary>
public sealed class StartupInitializer(IServiceScopeFactory scopes, StartupState state, ILogger<StartupInitializer> logger)
{
    public async Task<bool> TryInitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var setup = scope.ServiceProvider.GetRequiredService<SetupService>();
            await setup.MigrateAsync(cancellationToken);
            await setup.SetupIfNeededAsync(cancellationToken);
            state.Ready = true;
            return true;
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            if (state.LastError != ex.Message) logger.LogError("The database is unreachable ({Reason}); the site answers 503 and will try again every 10 seconds.", ex.Message);
            state.LastError = ex.Message;
            return false;
        }
    }

}

public sealed class StartupRetryService(StartupInitializer initializer, StartupState state) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!state.Ready && !stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(TimeSpan.FromSeconds(10), stoppingToken); }
            catch (OperationCanceledException) { return; }
            await initializer.TryInitializeAsync(stoppingToken);
        }
    }
}
