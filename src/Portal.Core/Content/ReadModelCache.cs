using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Content;

/// <summary>
/// Values read from the database once and kept in memory by key, dropped when the content journal reports their change
/// (on this node at the commit, on the others within the follower's poll). A value read while a drop happens is not kept,
/// nor one read before the follower has its starting point (a change in between could go unseen). With a
/// <paramref name="capacity"/>, the oldest entries kept are dropped beyond that many.
/// </summary>
public sealed class ReadModelCache<T>(IServiceProvider services, int capacity = int.MaxValue)
{
    private readonly Dictionary<string, T> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _sync = new();
    private long _version;

    private ContentJournalFollower Follower => services.GetRequiredService<ContentJournalFollower>();

    /// <summary>The value of <paramref name="key"/>, from memory or from <paramref name="load"/> (then kept).</summary>
    public async Task<T> GetAsync(string key, Func<Task<T>> load)
    {
        long version;
        lock (_sync)
        {
            if (_entries.TryGetValue(key, out var kept)) return kept;
            version = _version;
        }
        var following = Follower.Following;
        var value = await load();
        if (following)
            lock (_sync)
                if (_version == version && _entries.TryAdd(key, value) && capacity != int.MaxValue)
                {
                    _order.Enqueue(key);
                    while (_entries.Count > capacity && _order.TryDequeue(out var oldest)) _entries.Remove(oldest);
                }
        return value;
    }

    public void Remove(string key)
    {
        lock (_sync)
        {
            _version++;
            _entries.Remove(key);
        }
    }

    public void RemoveWhere(Func<string, bool> match)
    {
        lock (_sync)
        {
            _version++;
            foreach (var key in _entries.Keys.Where(match).ToList()) _entries.Remove(key);
        }
    }

    public void Clear()
    {
        lock (_sync)
        {
            _version++;
            _entries.Clear();
            _order.Clear();
        }
    }
}
