using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Counts the database commands each request runs (the kernel's context and every module's), by the request's path and
/// query; commands run outside a request (the journal follower, the search indexer, background tasks) are not counted.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private static readonly IHttpContextAccessor Accessor = new HttpContextAccessor();
    private readonly ConcurrentDictionary<string, int> _byRequest = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Request, string Sql)> _commands = new();

    /// <summary>Adds the counter to every DbContext the site registers.</summary>
    public void AddTo(IServiceCollection services)
    {
        var contexts = services.Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(DbContextOptions<>))
            .Select(t => t.GetGenericArguments()[0]).Distinct().ToList();
        var configure = typeof(EntityFrameworkServiceCollectionExtensions).GetMethods()
            .Single(m => m.Name == nameof(EntityFrameworkServiceCollectionExtensions.ConfigureDbContext) && m.GetParameters()[1].ParameterType == typeof(Action<DbContextOptionsBuilder>));
        foreach (var context in contexts)
            configure.MakeGenericMethod(context).Invoke(null, [services, (Action<DbContextOptionsBuilder>)(o => o.AddInterceptors(this)), ServiceLifetime.Singleton]);
    }

    public int For(string pathAndQuery) => _byRequest.GetValueOrDefault(pathAndQuery);

    public IEnumerable<string> SqlOf(string pathAndQuery) => _commands.Where(c => c.Request == pathAndQuery).Select(c => c.Sql);

    public void Clear()
    {
        _byRequest.Clear();
        _commands.Clear();
    }

    private void Count(DbCommand command)
    {
        if (Accessor.HttpContext?.Request is not { } request) return;
        var key = request.Path.Value + request.QueryString.Value;
        _byRequest.AddOrUpdate(key, 1, (_, n) => n + 1);
        _commands.Enqueue((key, command.CommandText));
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }
}
