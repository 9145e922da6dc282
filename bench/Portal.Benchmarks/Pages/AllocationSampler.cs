using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Portal.Benchmarks.Pages;

/// <summary>
/// With PORTAL_BENCH_ALLOC=1: the runtime's allocation samples (one event per 100 KB allocated, naming the type of the
/// object that crossed the mark) counted by type during a load run, to see what a page allocates.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new();
    private volatile bool _on;

    public static AllocationSampler? Start() => Environment.GetEnvironmentVariable("PORTAL_BENCH_ALLOC") == "1" ? new AllocationSampler() : null;

    protected override void OnEventSourceCreated(EventSource source)
    {
        // GC keyword (0x1) at verbose level carries GCAllocationTick.
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        var type = e.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a]) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
    }

    public void Begin() { _bytes.Clear(); _on = true; }

    public void End(string label, long requests)
    {
        _on = false;
        var total = _bytes.Values.Sum();
        Console.WriteLine($"    allocations sampled for {label}: {total / 1024.0 / Math.Max(1, requests):F0} KB per request");
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(25))
            Console.WriteLine(FormattableString.Invariant($"      {100.0 * bytes / total,5:F1} % {type}"));
    }
}
