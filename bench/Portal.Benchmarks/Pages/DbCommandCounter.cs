using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Benchmarks.Pages;

/// <summary>
/// Counts the database commands each request runs, whatever the context (the kernel's or a module's): EF Core's
/// diagnostic events, the same hook points as its interceptors, attributed to the request that runs on this flow.
/// </summary>
public sealed class DbCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private sealed class Box { public int Count; public List<string> Sql = []; }

    private static readonly AsyncLocal<Box?> Current = new();
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];

    public DbCommandCounter() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>The commands of the last request to each path and query.</summary>
    public ConcurrentDictionary<string, int> Last { get; } = new(StringComparer.Ordinal);

    /// <summary>The commands' text of the last request to each path and query.</summary>
    public ConcurrentDictionary<string, IReadOnlyList<string>> LastSql { get; } = new(StringComparer.Ordinal);

    private volatile bool _armed;

    /// <summary>
    /// While armed, each request's commands are counted; disarmed (during the load runs) the counter costs the requests
    /// nothing: no event is enabled, nothing is attributed.
    /// </summary>
    public bool Armed
    {
        get => _armed;
        set => _armed = value;
    }

    public IDisposable? Track(string key)
    {
        if (!_armed) return null;
        var box = new Box();
        Current.Value = box;
        return new Done(() =>
        {
            Last[key] = box.Count;
            lock (box) LastSql[key] = box.Sql.ToList();
        });
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
            lock (_listeners) _listeners.Add(listener.Subscribe(this, name => _armed && name == RelationalEventId.CommandExecuting.Name));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && Current.Value is { } box)
        {
            Interlocked.Increment(ref box.Count);
            if (value.Value is CommandEventData data) lock (box) box.Sql.Add(data.Command.CommandText);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners) foreach (var listener in _listeners) listener.Dispose();
    }

    private sealed class Done(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
