using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;

namespace Portal.Tests.Moderation;

/// <summary>Counts the database commands run while serving POST requests under a path (background work is not counted).</summary>
public sealed class CommandCounter(string pathPrefix) : DbCommandInterceptor
{
    private int _count;
    public IHttpContextAccessor? Requests { get; set; }
    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public void Register(IServiceCollection services)
    {
        services.ConfigureDbContext<SqlitePortalDbContext>(o => o.AddInterceptors(this), ServiceLifetime.Singleton);
        services.ConfigureDbContext<PostgresPortalDbContext>(o => o.AddInterceptors(this), ServiceLifetime.Singleton);
    }

    private void Counted()
    {
        var request = Requests?.HttpContext?.Request;
        if (request is not null && HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments(pathPrefix)) Interlocked.Increment(ref _count);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Counted();
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Counted();
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Counted();
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}
