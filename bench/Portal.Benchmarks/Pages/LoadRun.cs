using System.Diagnostics;
using System.Net;

namespace Portal.Benchmarks.Pages;

/// <summary>Concurrent GETs of one address over loopback for a while, each body read to its end: requests per second.</summary>
public static class LoadRun
{
    public const int Concurrency = 16;

    private static readonly AllocationSampler? Sampler = AllocationSampler.Start();

    /// <summary>A client that sends <paramref name="acceptEncoding"/> (none: no compression asked, as wrk) and reads the bytes as they come.</summary>
    public static HttpClient Client(string? acceptEncoding = null)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Concurrency,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        }) { Timeout = TimeSpan.FromSeconds(60) };
        if (acceptEncoding is { Length: > 0 }) client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return client;
    }

    /// <summary>Warms up, then measures; fails if any answer is not 200.</summary>
    public static async Task<double> RequestsPerSecondAsync(HttpClient client, Uri url, TimeSpan warmUp, TimeSpan duration)
    {
        await RunAsync(client, url, warmUp);
        return await RunAsync(client, url, duration);
    }

    private static async Task<double> RunAsync(HttpClient client, Uri url, TimeSpan duration)
    {
        long done = 0;
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var pause = GC.GetTotalPauseDuration();
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        Sampler?.Begin();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            var buffer = new byte[64 * 1024];
            while (clock.Elapsed < duration)
            {
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                await using (var body = await response.Content.ReadAsStreamAsync())
                    while (await body.ReadAsync(buffer) > 0) { }
                if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}.");
                Interlocked.Increment(ref done);
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        Sampler?.End(url.PathAndQuery, done);
        if (Environment.GetEnvironmentVariable("PORTAL_BENCH_GC") == "1" && done > 0)
        {
            process.Refresh();
            // The process's whole cost per request, the client's share included (the bare endpoint's line shows that share).
            Console.WriteLine(FormattableString.Invariant(
                $"    {url.PathAndQuery}: {(process.TotalProcessorTime - cpu).TotalMilliseconds / done:F3} ms CPU, {(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / done:F1} KB allocated per request; GCs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, paused {100 * (GC.GetTotalPauseDuration() - pause).TotalMilliseconds / elapsed.TotalMilliseconds:F1} % of the time"));
        }
        return done / elapsed.TotalSeconds;
    }
}
