using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Benchmarks.Relevance;
using Portal.ImportExport.Import;

namespace Portal.Benchmarks.Pages;

/// <summary>
/// <c>pages [--items N] [--seconds S] [--encoding identity|br|gzip]</c>: the Grande Région site in this process on real Kestrel over loopback, then
/// the same site with N more actors (imported through the import path, the index rebuilt at the next start), each
/// measured with the page cache on and off: requests per second of the home page, an actor's page, the search page
/// with two facets, /api/search with the same facets and /api/map.geojson, against a bare endpoint of the same
/// process and run, 16 concurrent requests asking for Brotli as browsers do (<c>--encoding gzip</c>, or <c>identity</c>
/// for no compression as wrk sends; the bytes are read as they come, not decompressed). The database commands of one uncached
/// request of each kind are counted. Last line: <c>pages cached_ratio_min=… uncached_ratio_min=… db_commands_max=… uncached_keep_min=…</c>.
/// </summary>
public static class PagesBenchmark
{
    private sealed record Kind(string Name, string Url);
    private sealed record Figure(string Corpus, bool Cache, string Kind, double Rps, double Bare, int Commands);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        // The site runs with the garbage collector its host is published with (Portal.Web: the Web SDK's server GC);
        // this program keeps the workstation GC for its other benchmarks, so the pages benchmark starts itself again
        // with the site's. DOTNET_gcServer=0 measures with the workstation GC (the figures before session 15).
        if (!System.Runtime.GCSettings.IsServerGC && Environment.GetEnvironmentVariable("DOTNET_gcServer") is null)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
            if (!Environment.ProcessPath!.EndsWith("Portal.Benchmarks", StringComparison.Ordinal) && typeof(PagesBenchmark).Assembly.Location is { Length: > 0 } dll)
                start.ArgumentList.Add(dll);
            start.ArgumentList.Add("pages");
            foreach (var arg in args) start.ArgumentList.Add(arg);
            start.Environment["DOTNET_gcServer"] = "1";
            using var child = Process.Start(start)!;
            await child.WaitForExitAsync();
            return child.ExitCode;
        }
        Console.WriteLine($"Garbage collector: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, {Environment.ProcessorCount} processors.");
        var items = 20_000;
        var seconds = 4.0;
        string? only = null;
        var phases = "both";
        string? reuse = null;
        string? encoding = "br";
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--items" && i + 1 < args.Count && int.TryParse(args[i + 1], out var n) && n >= 0) { items = n; i++; }
            else if (args[i] == "--seconds" && i + 1 < args.Count && double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var s) && s > 0) { seconds = s; i++; }
            else if (args[i] == "--only" && i + 1 < args.Count) only = args[++i];
            else if (args[i] == "--cache" && i + 1 < args.Count && args[i + 1] is "on" or "off" or "both") phases = args[++i];
            else if (args[i] == "--reuse" && i + 1 < args.Count) reuse = Path.GetFullPath(args[++i]);
            else if (args[i] == "--answers" && i + 1 < args.Count && args[i + 1] is "kept" or "new") BenchSite.KeepAnswers = args[++i] == "kept";
            else if (args[i] == "--encoding" && i + 1 < args.Count && args[i + 1] is "identity" or "br" or "gzip") encoding = args[++i] == "identity" ? null : args[i];
            else
            {
                Console.Error.WriteLine($"Unknown or incomplete argument \"{args[i]}\". Usage: pages [--items N] [--seconds S] [--only KIND] [--cache on|off|both] [--reuse DIR] [--encoding identity|br|gzip] [--answers kept|new]");
                return 64;
            }
        }
        // --reuse DIR keeps the site in DIR: the first run sets it up and imports, the next ones measure the large corpus only.
        var root = reuse ?? Path.Combine(Path.GetTempPath(), "portal-pages-bench-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(root);
        try
        {
            AcceptEncoding = encoding;
            Console.WriteLine(encoding is null ? "The requests ask for no compression." : $"Every request asks for \"Accept-Encoding: {encoding}\".");
            Console.WriteLine(BenchSite.KeepAnswers ? "The search keeps its answers until the index changes (as the site does)." : "The search answers every question anew (--answers new: the cost of a question never asked before).");
            return await RunAsync(root, items, TimeSpan.FromSeconds(seconds), only, phases, reuse is not null);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (reuse is null)
                try { System.IO.Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<int> RunAsync(string root, int items, TimeSpan duration, string? only, string phases, bool reuse)
    {
        var marker = Path.Combine(root, $"bench-imported-{items}");
        var prepared = reuse && File.Exists(marker);
        var on = phases != "off";
        var off = phases != "on";
        var clock = Stopwatch.StartNew();
        var figures = new List<Figure>();
        List<Kind> kinds;
        double? rebuild = null;
        await using (var site = await BenchSite.StartAsync(root, cache: true))
        {
            await SiteSearch.CatchUpAsync(site.Services);
            Console.WriteLine($"Grande Région site set up in {clock.Elapsed.TotalSeconds:F0} s.");
            // A site kept by --reuse whose search folder was removed has just rebuilt its index.
            if (prepared) rebuild = RebuildAgainstRaw(site);
            kinds = await KindsAsync(site);
            if (only is not null) kinds = kinds.Where(k => k.Name == only).ToList();
            if (kinds.Count == 0) throw new ArgumentException($"No page kind is called \"{only}\": home, detail, search page, api/search, map.geojson.");
            if (on && !prepared) figures.AddRange(await MeasureAsync(site, "seed", true, kinds, duration));
        }
        if (off && !prepared)
            await using (var site = await BenchSite.StartAsync(root, cache: false))
            {
                await SiteSearch.CatchUpAsync(site.Services);
                figures.AddRange(await MeasureAsync(site, "seed", false, kinds, duration));
            }
        var large = $"+{items:N0}";
        if (items > 0)
        {
            if (!prepared)
            {
                clock.Restart();
                await using (var site = await BenchSite.StartAsync(root, cache: false, withoutSearchWorker: true)) await ImportAsync(site, items);
                Console.WriteLine($"{items:N0} actors imported in {clock.Elapsed.TotalSeconds:F0} s.");
                // The next start rebuilds the index from the database, as after a restore.
                System.IO.Directory.Delete(Path.Combine(root, "search"), recursive: true);
                if (reuse) await File.WriteAllTextAsync(marker, "");
            }
            clock.Restart();
            await using (var site = await BenchSite.StartAsync(root, cache: true))
            {
                await SiteSearch.CatchUpAsync(site.Services);
                Console.WriteLine($"Index rebuilt in {clock.Elapsed.TotalSeconds:F0} s (the site's start included).");
                rebuild ??= RebuildAgainstRaw(site);
                if (on) figures.AddRange(await MeasureAsync(site, large, true, kinds, duration));
            }
            if (off)
                await using (var site = await BenchSite.StartAsync(root, cache: false))
                {
                    await SiteSearch.CatchUpAsync(site.Services);
                    figures.AddRange(await MeasureAsync(site, large, false, kinds, duration));
                }
        }

        Console.WriteLine();
        Console.WriteLine($"{"corpus",-9} {"cache",-5} {"kind",-13} {"req/s",8} {"bare req/s",11} {"% bare",7} {"db cmds",8}");
        foreach (var f in figures)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{f.Corpus,-9} {(f.Cache ? "on" : "off"),-5} {f.Kind,-13} {f.Rps,8:F0} {f.Bare,11:F0} {100 * f.Rps / f.Bare,6:F1}% {(f.Cache ? "" : f.Commands.ToString(CultureInfo.InvariantCulture)),8}"));
        var keep = items > 0 && off && !prepared
            ? kinds.Min(k => figures.Single(f => f.Corpus == large && !f.Cache && f.Kind == k.Name).Rps / figures.Single(f => f.Corpus == "seed" && !f.Cache && f.Kind == k.Name).Rps)
            : 1.0;
        if (items > 0 && off && !prepared)
            foreach (var k in kinds)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"uncached {k.Name} at {large}: {100 * figures.Single(f => f.Corpus == large && !f.Cache && f.Kind == k.Name).Rps / figures.Single(f => f.Corpus == "seed" && !f.Cache && f.Kind == k.Name).Rps:F0}% of its seed-size req/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pages cached_ratio_min={figures.Where(f => f.Cache).Select(f => f.Rps / f.Bare).DefaultIfEmpty(double.NaN).Min():F3} uncached_ratio_min={figures.Where(f => !f.Cache).Select(f => f.Rps / f.Bare).DefaultIfEmpty(double.NaN).Min():F3} db_commands_max={figures.Where(f => !f.Cache).Select(f => f.Commands).DefaultIfEmpty(0).Max()} uncached_keep_min={keep:F2}{(rebuild is { } r ? $" rebuild_ratio={r:F2}" : "")}"));
        return 0;
    }

    /// <summary>
    /// The site's last index build (reading the items, building their documents, writing and merging) in documents per
    /// second, against the search benchmark's raw indexing of as many generated documents, in this process.
    /// </summary>
    private static double? RebuildAgainstRaw(BenchSite site)
    {
        if (site.Services.GetRequiredService<Portal.Search.Services.SearchIndexManager>().LastBuild is not { } build || build.Documents == 0) return null;
        var rate = build.Documents / build.Elapsed.TotalSeconds;
        var raw = RawIndexing.Rate(build.Documents);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Index build: {build.Documents:N0} documents in {build.Elapsed.TotalSeconds:F1} s, {rate:F0} documents/s; raw indexing of as many generated documents: {raw:F0} documents/s; the build at {100 * rate / raw:F0} % of it."));
        return rate / raw;
    }

    /// <summary>The addresses measured: an actor of the recipe, and the two first facets' largest values.</summary>
    private static async Task<List<Kind>> KindsAsync(BenchSite site)
    {
        using var client = LoadRun.Client();
        using var search = JsonDocument.Parse(await client.GetStringAsync(new Uri(site.Address, "/api/search?culture=fr")));
        var facets = search.RootElement.GetProperty("facets").EnumerateObject()
            .Where(f => f.Name != "type" && f.Value.GetArrayLength() > 0)
            .Take(2)
            .Select(f => "f." + f.Name + "=" + Uri.EscapeDataString(f.Value.EnumerateArray().OrderByDescending(v => v.GetProperty("count").GetInt32()).First().GetProperty("value").GetString()!))
            .ToList();
        if (facets.Count < 2) throw new InvalidOperationException("The search answers fewer than two facets.");
        var query = string.Join('&', facets);
        await using var scope = site.Services.CreateAsyncScope();
        var actor = await scope.ServiceProvider.GetRequiredService<Portal.Core.Data.PortalDbContext>()
            .ContentItems.Where(i => i.ContentItemId == "gr-actor-001-fr" && i.Published).Select(i => i.Path).SingleAsync();
        return
        [
            new("home", "/fr"),
            new("detail", "/fr/" + actor),
            new("search page", "/fr/recherche?" + query),
            new("api/search", "/api/search?culture=fr&" + query),
            new("map.geojson", "/api/map.geojson?culture=fr"),
        ];
    }

    /// <summary>The Accept-Encoding of the measured requests (none by default).</summary>
    private static string? AcceptEncoding;

    private static async Task<List<Figure>> MeasureAsync(BenchSite site, string corpus, bool cache, IReadOnlyList<Kind> kinds, TimeSpan duration)
    {
        using var client = LoadRun.Client(AcceptEncoding);
        var warmUp = duration / 2;
        // Every address warmed up first (the code they run compiled and optimised), then each measured in turn; the
        // bare endpoint before and after them, its mean the reference.
        var bareUrl = new Uri(site.Address, BenchSite.BarePath);
        // Twice: the runtime recompiles the hottest code in the background for a while after it first runs.
        var addresses = kinds.Select(k => new Uri(site.Address, k.Url)).Prepend(bareUrl).ToList();
        foreach (var url in addresses.Concat(addresses)) await LoadRun.RequestsPerSecondAsync(client, url, TimeSpan.Zero, warmUp);
        var bareBefore = await LoadRun.RequestsPerSecondAsync(client, bareUrl, TimeSpan.Zero, duration);
        var measured = new List<(Kind Kind, double Rps, int Commands, int Bytes)>();
        foreach (var kind in kinds)
        {
            var url = new Uri(site.Address, kind.Url);
            var rps = await LoadRun.RequestsPerSecondAsync(client, url, TimeSpan.Zero, duration);
            // One request alone, warm: its database commands (none when the cache answers), and its size.
            site.Commands.Last.TryRemove(kind.Url, out _);
            site.Commands.Armed = true;
            byte[] body;
            try { body = await client.GetByteArrayAsync(url); }
            finally { site.Commands.Armed = false; }
            // The count is recorded as the request leaves the site's pipeline, which may be a moment after its last byte.
            for (var wait = 0; wait < 100 && !site.Commands.Last.ContainsKey(kind.Url); wait++) await Task.Delay(10);
            if (Environment.GetEnvironmentVariable("PORTAL_BENCH_DUMP") is { Length: > 0 } dump)
                await File.WriteAllBytesAsync(Path.Combine(dump, $"{corpus.TrimStart('+').Replace(",", "")}-{kind.Name.Replace('/', '-').Replace(' ', '-')}.out"), body);
            var commands = site.Commands.Last.TryGetValue(kind.Url, out var c) ? c : -1;
            measured.Add((kind, rps, commands, body.Length));
            if (Environment.GetEnvironmentVariable("PORTAL_BENCH_SQL") == "1" && site.Commands.LastSql.TryGetValue(kind.Url, out var sql))
                foreach (var text in sql) Console.WriteLine("    SQL: " + text.ReplaceLineEndings(" "));
        }
        var bareAfter = await LoadRun.RequestsPerSecondAsync(client, bareUrl, TimeSpan.Zero, duration);
        var bare = (bareBefore + bareAfter) / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {corpus} cache {(cache ? "on " : "off")} bare endpoint {bareBefore:F0} req/s before, {bareAfter:F0} after"));
        var figures = new List<Figure>();
        foreach (var (kind, rps, commands, bytes) in measured)
        {
            figures.Add(new Figure(corpus, cache, kind.Name, rps, bare, commands));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {corpus} cache {(cache ? "on " : "off")} {kind.Name,-13} {rps,8:F0} req/s ({100 * rps / bare:F1}% of bare {bare:F0}), {commands} db commands, {bytes / 1024.0:F1} KB"));
        }
        return figures;
    }

    private static async Task ImportAsync(BenchSite site, int items)
    {
        var communes = ImportBenchmark.Communes();
        const int Chunk = 10_000;
        for (var start = 0; start < items; start += Chunk)
        {
            var file = ImportBenchmark.Csv(Enumerable.Range(start, Math.Min(Chunk, items - start)).Select(i => ImportBenchmark.Row(i, communes, "Présentation")));
            await using var scope = site.Services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<ImportService>().ApplyAsync($"bench-{start}.csv", file, "Actor", null, publish: true);
            if (!report.Applied || report.HasErrors)
                throw new InvalidOperationException("The generated actors were not imported: " + string.Join(" / ", report.Ordered.Take(5).Select(i => $"{i.Row} {i.Column} {i.Message}")));
            Console.WriteLine($"  {Math.Min(start + Chunk, items):N0} actors imported");
        }
    }
}
