using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Portal.Benchmarks;

/// <summary>
/// Counts the SQL commands EF Core executes, by statement (<c>import --queries</c>): a statement run once per row
/// shows up with a count near the number of rows.
/// </summary>
public sealed class QueryCounter : ILoggerProvider, ILogger
{
    public const string Category = "Microsoft.EntityFrameworkCore.Database.Command";
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => categoryName == Category ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        // RelationalEventId.CommandExecuted
        if (eventId.Id != 20101 || state is not IEnumerable<KeyValuePair<string, object?>> values) return;
        var text = values.FirstOrDefault(v => v.Key == "commandText").Value as string ?? "?";
        var key = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        _counts.AddOrUpdate(key.Length > 160 ? key[..160] : key, 1, (_, n) => n + 1);
    }

    /// <summary>The statements run since the last call, most frequent first; then starts counting again.</summary>
    public IReadOnlyList<(string Statement, int Count)> Take(int top)
    {
        var result = _counts.OrderByDescending(c => c.Value).Take(top).Select(c => (c.Key, c.Value)).ToList();
        _counts.Clear();
        return result;
    }

    public void Dispose() { }
}
