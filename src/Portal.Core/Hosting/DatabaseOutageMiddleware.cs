using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;

namespace Portal.Core.Hosting;

/// <summary>
/// A request that fails because the database does not answer gets the static 503 page, not the error page (whose
/// layout needs the database too, so it failed again, log line after log line). The site recovers by itself: the
/// next request tries the database again.
/// </summary>
public sealed class DatabaseOutageMiddleware(RequestDelegate next, ILogger<DatabaseOutageMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // Same message for every request of an outage: the log filter keeps one line per minute of it.
            logger.LogError("The database does not answer; pages answer 503 until it does ({Reason}).", ex.GetBaseException().Message);
            await ServiceUnavailablePage.WriteAsync(context);
        }
    }
}
