using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;

namespace Portal.Core.Hosting;

/// <summary>
/// A write refused for want of disk space answers 507, which the error page explains ("nothing was saved"): writes are
/// one transaction, so nothing is half-written, and reading the site still works.
/// </summary>
public sealed class StorageFullMiddleware(RequestDelegate next, ILogger<StorageFullMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (StorageFailures.IsFull(ex) && !context.Response.HasStarted)
        {
            logger.LogCritical("The disk is full: a write was refused and nothing of it was saved ({Reason}).", ex.GetBaseException().Message);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status507InsufficientStorage;
        }
    }
}
