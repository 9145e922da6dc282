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
        app.UseMiddleware<StartupGateMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRequestLocalization();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGet("/health", HealthAsync).AllowAnonymous().WithName("Health");
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules)
            foreach (var startup in module.Startups)
                startup.MapEndpoints(app);
        app.MapControllers();
        return app;
    }

    /// <summary>200 when the database answers, 503 (and one log line) when it does not.</summary>
    private static async Task<IResult> HealthAsync(PortalDbContext db, ILoggerFactory loggers, StartupState state, CancellationToken cancellationToken)
    {
        bool reachable;
        try { reachable = await db.Database.CanConnectAsync(cancellationToken); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            loggers.CreateLogger("Portal.Health").LogError("Health check: the database is unreachable ({Reason}).", ex.Message);
            reachable = false;
        }
        if (!reachable) return Results.Json(new { status = "unhealthy", database = "unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        if (!state.Ready) return Results.Json(new { status = "starting", database = "reachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        return Results.Json(new { status = "healthy", database = "reachable" });
    }
}
