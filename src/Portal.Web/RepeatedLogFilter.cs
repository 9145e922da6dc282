using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Portal.Web;

/// <summary>
/// Writes a warning or error that repeats (the same source, message and exception, e.g. every request while the
/// database is down) once per interval; the next one written after the interval says how many were left out.
/// </summary>
public sealed class RepeatedLogFilter(TimeProvider clock, TimeSpan interval) : ILogEventFilter
{
    public const string RepeatsProperty = "Repeats";
    private const int MaxKeys = 1000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start = start;
        public int Suppressed;
    }

    public bool IsEnabled(LogEvent logEvent)
    {
        if (logEvent.Level < LogEventLevel.Warning) return true;
        var now = clock.GetUtcNow();
        // The innermost exception is the cause (a refused connection); the ones wrapping it vary with the code path.
        var cause = logEvent.Exception;
        while (cause?.InnerException is not null) cause = cause.InnerException;
        var key = $"{logEvent.Level}|{(logEvent.Properties.TryGetValue("SourceContext", out var source) ? source.ToString() : "")}|{FirstLine(logEvent.RenderMessage())}|{cause?.GetType().FullName}|{cause?.Message}";
        if (_windows.Count > MaxKeys) Forget(now);
        var window = _windows.GetOrAdd(key, _ => new Window(DateTimeOffset.MinValue));
        int suppressed;
        lock (window)
        {
            if (now - window.Start < interval)
            {
                window.Suppressed++;
                return false;
            }
            suppressed = window.Suppressed;
            window.Start = now;
            window.Suppressed = 0;
        }
        if (suppressed > 0)
            logEvent.AddOrUpdateProperty(new LogEventProperty(RepeatsProperty, new ScalarValue($" ({suppressed} identical messages left out in the last {interval.TotalSeconds:0} s)")));
        return true;
    }

    /// <summary>Some messages quote a stack trace after their first line; it varies with the code path, not with the error.</summary>
    private static string FirstLine(string message) => message.IndexOf('\n') is var end and >= 0 ? message[..end] : message;

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
            if (now - window.Start >= interval) _windows.TryRemove(key, out _);
    }
}
