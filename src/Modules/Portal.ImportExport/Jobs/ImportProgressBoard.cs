using System.Collections.Concurrent;

namespace Portal.ImportExport.Jobs;

/// <summary>
/// The jobs this node is running: rows done, when the phase began, and the switch that cancels it. Progress stays in
/// memory (a write per row batch would contend with the import's own transaction on SQLite); the job's row keeps the
/// state, written when a phase begins and ends.
/// </summary>
public sealed class ImportProgressBoard(TimeProvider clock)
{
    public sealed class Entry(CancellationTokenSource cancel, DateTimeOffset started, int total)
    {
        public CancellationTokenSource Cancel { get; } = cancel;
        public DateTimeOffset Started { get; } = started;
        public int Total { get; set; } = total;
        /// <summary>Cancelled by a person (not by the site stopping).</summary>
        public bool CancelledByUser { get; private set; }
        public void CancelByUser()
        {
            CancelledByUser = true;
            Cancel.Cancel();
        }
        private int _done;
        public int Done => Volatile.Read(ref _done);
        public void Report(int done) => Volatile.Write(ref _done, done);
    }

    private readonly ConcurrentDictionary<string, Entry> _running = new(StringComparer.Ordinal);

    public Entry Start(string jobId, int total, CancellationToken stopping)
    {
        var entry = new Entry(CancellationTokenSource.CreateLinkedTokenSource(stopping), clock.GetUtcNow(), total);
        _running[jobId] = entry;
        return entry;
    }

    public void Finish(string jobId)
    {
        if (_running.TryRemove(jobId, out var entry)) entry.Cancel.Dispose();
    }

    public Entry? Find(string jobId) => _running.GetValueOrDefault(jobId);

    /// <summary>Cancels the job if this node runs it; false otherwise (the job's row then carries the request).</summary>
    public bool Cancel(string jobId)
    {
        if (!_running.TryGetValue(jobId, out var entry)) return false;
        try { entry.CancelByUser(); }
        catch (ObjectDisposedException) { return false; }
        return true;
    }
}
