using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Core.Modules;

namespace Portal.Core.Hosting;

public static class PortalApplicationExtensions
{
    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseReverseProxy();
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();
        app.UseFaultPages();
        app.UseMiddleware<StartupGateMiddleware>();
        app.UseHttpEfficiency();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = file => HttpEfficiency.CacheStaticFile(file.Context) });
        app.UseRouting();
        // The API's CORS headers and rate limit hold for every answer, replayed or not (a 429 carries CORS headers too).
        app.UseCors();
        app.UseRateLimiter();
        // Before the rest: an anonymous visitor's replayed answer costs none of it (see PublicAnswerPolicy).
        app.UsePageCache();
        app.UseAnswerCompression();
        app.UseMiddleware<CanonicalUrlMiddleware>();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        // Inside the page cache: an answer is tagged once, when it is rendered, and the cache replays its tag.
        app.UseEntityTags();

        app.MapGet("/health", HealthAsync).AllowAnonymous().WithName("Health");
        app.MapControllers();
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules)
            foreach (var startup in module.Startups)
                startup.MapEndpoints(app);
        return app;
    }

    /// <summary>
    /// Inside the error handlers: a request (or an error page) failing for want of a database gets the static 503 page
    /// instead of an error page that needs the database too; a write refused for a full disk gets the 507 error page.
    /// </summary>
    public static WebApplication UseFaultPages(this WebApplication app)
    {
        app.UseMiddleware<DatabaseOutageMiddleware>();
        app.UseMiddleware<StorageFullMiddleware>();
        return app;
    }

    /// <summary>How long /health waits for the database before calling it unreachable.</summary>
    public static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(3);

    /// <summary>200 when the database answers a read within <see cref="HealthTimeout"/>, 503 (and a log line) when it does not.</summary>
    private static async Task<IResult> HealthAsync(IServiceScopeFactory scopes, ILoggerFactory loggers, StartupState state, CancellationToken cancellationToken)
    {
        bool reachable;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(HealthTimeout);
        try
        {
            // In a scope of its own, abandoned after the timeout: a driver still waiting on a hung server finishes alone.
            var probe = Task.Run(() => ProbeAsync(scopes, state.Ready, timeout.Token), CancellationToken.None);
            _ = probe.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            reachable = await probe.WaitAsync(HealthTimeout, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = ex is OperationCanceledException or TimeoutException ? $"no answer within {HealthTimeout.TotalSeconds} s" : ex.GetBaseException().Message;
            loggers.CreateLogger("Portal.Health").LogError("Health check: the database is unreachable ({Reason}).", reason);
            reachable = false;
        }
        if (!reachable) return Results.Json(new { status = "unhealthy", database = "unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        if (!state.Ready) return Results.Json(new { status = "starting", database = "reachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        return Results.Json(new { status = "healthy", database = "reachable" });
    }

    /// <summary>Once set up, a read of a real table, not just an open connection: a locked or stalled database counts as down.</summary>
    private static async Task<bool> ProbeAsync(IServiceScopeFactory scopes, bool ready, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Database.SetCommandTimeout(HealthTimeout);
        if (!ready) return await db.Database.CanConnectAsync(cancellationToken);
        await db.ContentItems.AsNoTracking().AnyAsync(cancellationToken);
        return true;
    }
}
