using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Portal.Benchmarks;
using Portal.Search.Engine;

// dotnet run -c Release --project bench/Portal.Benchmarks -- search --items 100000 [--queries 400] [--dump <dir>]
// dotnet run -c Release --project bench/Portal.Benchmarks -- import --rows 10000 [--postgres CONNECTION] [--queries]
// dotnet run -c Release --project bench/Portal.Benchmarks -- relevance [--short] [--details]
// dotnet run -c Release --project bench/Portal.Benchmarks -- pages [--items N] [--seconds S]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length > 0 && args[0] == "import") return await ImportBenchmark.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "pages") return await Portal.Benchmarks.Pages.PagesBenchmark.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "relevance") return await Portal.Benchmarks.Relevance.RelevanceCommand.RunAsync(args[1..], Console.Out);
if (args.Length == 0 || args[0] != "search")
{
    Console.Error.WriteLine("Usage: search --items N [--queries Q] [--dump <dir>] | import --rows N [--postgres CONNECTION] [--queries] | relevance [--short] [--details] | pages [--items N] [--seconds S] [--only KIND] [--cache on|off|both]");
    return 64;
}
var items = 20_000;
var queryCount = 400;
string? dump = null;
for (var i = 1; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--items" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0: items = n; i++; break;
        case "--queries" when i + 1 < args.Length && int.TryParse(args[i + 1], out var q) && q > 0: queryCount = q; i++; break;
        case "--dump" when i + 1 < args.Length: dump = args[++i]; break;
        default:
            Console.Error.WriteLine($"Unknown or incomplete argument \"{args[i]}\". Usage: search --items N [--queries Q] [--dump <dir>]");
            return 64;
    }
}

var vocabularies = RawIndexing.VocabulariesPath;
var clock = Stopwatch.StartNew();
var corpus = Corpus.Generate(items, vocabularies);
var queries = QueryMix.Generate(corpus, queryCount);
Console.WriteLine($"Corpus: {items:N0} items ({corpus.Count(c => c.Culture == "fr"):N0} fr, {corpus.Count(c => c.Culture == "de"):N0} de), {queries.Count} queries, generated in {clock.ElapsedMilliseconds} ms.");

// ---- Portal: one Lucene index per culture, on disk as in production.
var root = Path.Combine(Path.GetTempPath(), "portal-bench-" + Guid.NewGuid().ToString("N")[..8]);
var memoryBefore = GC.GetTotalMemory(true);
var (indexes, portalBuild) = RawIndexing.Build(corpus, root);
var portalBuildMs = portalBuild.TotalMilliseconds;
var portalDisk = new DirectoryInfo(root).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

// ---- Baseline: SQLite FTS5 in memory, same corpus.
clock.Restart();
using var baseline = new SqliteBaseline();
baseline.Load(corpus);
var baselineBuildMs = clock.Elapsed.TotalMilliseconds;

// Warm both (JIT, caches), then measure each query on both engines in turn.
foreach (var query in queries.Take(Math.Min(60, queries.Count)))
{
    indexes[query.Culture].Search(query.ToSearchQuery());
    baseline.Search(query);
}
var portalMs = new List<(string Kind, double Ms)>();
var baselineMs = new List<(string Kind, double Ms)>();
var results = new List<SearchResult>();
const int Passes = 3;
for (var pass = 0; pass < Passes; pass++)
{
    foreach (var query in queries)
    {
        var searchQuery = query.ToSearchQuery();
        var t = Stopwatch.GetTimestamp();
        var result = indexes[query.Culture].Search(searchQuery);
        portalMs.Add((query.Kind, Stopwatch.GetElapsedTime(t).TotalMilliseconds));
        if (pass == 0) results.Add(result);
        if (pass == 0)
        {
            t = Stopwatch.GetTimestamp();
            baseline.Search(query);
            baselineMs.Add((query.Kind, Stopwatch.GetElapsedTime(t).TotalMilliseconds));
        }
    }
}
var memoryAfter = GC.GetTotalMemory(true);

static double Percentile(IEnumerable<double> values, double p)
{
    var sorted = values.OrderBy(v => v).ToArray();
    if (sorted.Length == 0) return double.NaN;
    var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
}

Console.WriteLine();
Console.WriteLine($"{"query kind",-14} {"n",5} {"portal p50",11} {"portal p95",11} {"sqlite p50",11} {"sqlite p95",11} {"speedup p95",12}");
foreach (var kind in QueryMix.Kinds.Append("all"))
{
    var ours = portalMs.Where(m => kind == "all" || m.Kind == kind).Select(m => m.Ms).ToList();
    var theirs = baselineMs.Where(m => kind == "all" || m.Kind == kind).Select(m => m.Ms).ToList();
    if (ours.Count == 0) continue;
    Console.WriteLine($"{kind,-14} {theirs.Count,5} {Percentile(ours, 50),9:F2}ms {Percentile(ours, 95),9:F2}ms {Percentile(theirs, 50),9:F2}ms {Percentile(theirs, 95),9:F2}ms {Percentile(theirs, 95) / Percentile(ours, 95),11:F1}x");
}
var portalP95 = Percentile(portalMs.Select(m => m.Ms), 95);
var baselineP95 = Percentile(baselineMs.Select(m => m.Ms), 95);
Console.WriteLine();
Console.WriteLine($"{"engine",-8} {"p50 ms",8} {"p95 ms",8} {"QPS",8} {"build docs/s",13} {"size MB",8}");
Console.WriteLine($"{"portal",-8} {Percentile(portalMs.Select(m => m.Ms), 50),8:F2} {portalP95,8:F2} {1000 / portalMs.Average(m => m.Ms),8:F0} {items / (portalBuildMs / 1000),13:F0} {portalDisk / 1048576.0,8:F1}");
Console.WriteLine($"{"sqlite",-8} {Percentile(baselineMs.Select(m => m.Ms), 50),8:F2} {baselineP95,8:F2} {1000 / baselineMs.Average(m => m.Ms),8:F0} {items / (baselineBuildMs / 1000),13:F0} {baseline.SizeBytes / 1048576.0,8:F1}");
Console.WriteLine($"portal managed memory for indexes and column caches: {(memoryAfter - memoryBefore) / 1048576.0:F1} MB; process working set {Environment.WorkingSet / 1048576.0:F0} MB.");

// ---- The map's GeoJSON (server time: query, clustering and writing), on the French index, the larger one.
Console.WriteLine();
Console.WriteLine($"{"geojson view",-34} {"features",9} {"size KB",8} {"p50 ms",8} {"p95 ms",8}");
var mapViews = new (string Name, SearchQuery Query, int Zoom)[]
{
    ("whole region, zoom 7", new SearchQuery { Box = new BoundingBox(1.5, 47.5, 8.5, 51.0) }, 7),
    ("whole region, one facet, zoom 8", new SearchQuery { Box = new BoundingBox(1.5, 47.5, 8.5, 51.0), Filters = { ["fees"] = ["gratuit"] } }, 8),
    ("Metz area, zoom 12", new SearchQuery { Box = new BoundingBox(6.05, 49.05, 6.30, 49.18) }, 12),
    ("Metz centre, every point, zoom 13", new SearchQuery { Box = new BoundingBox(6.12, 49.08, 6.24, 49.15) }, 13),
    ("words + area, zoom 10", new SearchQuery { Text = "atelier", Box = new BoundingBox(5.8, 48.9, 6.8, 49.4) }, 10),
};
var geojsonMax = (Ms: 0.0, Kb: 0.0);
foreach (var (name, mapQuery, zoom) in mapViews)
{
    var times = new List<double>();
    long size = 0;
    var features = 0;
    for (var run = 0; run < 40; run++)
    {
        var t = Stopwatch.GetTimestamp();
        var map = indexes["fr"].Map(mapQuery, zoom, new Portal.Maps.MapOptions().ClusterThreshold);
        using var buffer = new MemoryStream();
        await Portal.Maps.GeoJsonWriter.WriteAsync(buffer, map, new Dictionary<string, string>(), clustered: map.Clusters.Count > 0);
        if (run >= 5) times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        size = buffer.Length;
        features = map.Clusters.Count + map.Points.Count;
    }
    Console.WriteLine($"{name,-34} {features,9} {size / 1024.0,8:F1} {Percentile(times, 50),8:F2} {Percentile(times, 95),8:F2}");
    geojsonMax = (Math.Max(geojsonMax.Ms, Percentile(times, 95)), Math.Max(geojsonMax.Kb, size / 1024.0));
}
Console.WriteLine(FormattableString.Invariant($"geojson items={items} max_p95_ms={geojsonMax.Ms:F2} max_size_kb={geojsonMax.Kb:F1}"));

if (dump is not null)
{
    System.IO.Directory.CreateDirectory(dump);
    await File.WriteAllLinesAsync(Path.Combine(dump, "corpus.jsonl"), corpus.Select(Corpus.ToJson));
    await File.WriteAllLinesAsync(Path.Combine(dump, "queries.jsonl"), queries.Select(q => q.ToJson()));
    await File.WriteAllLinesAsync(Path.Combine(dump, "results.jsonl"), results.Select(r => JsonSerializer.Serialize(new { total = r.Total, facets = r.FacetCounts })));
    Console.WriteLine($"Wrote corpus.jsonl, queries.jsonl and results.jsonl to {Path.GetFullPath(dump)}.");
}

foreach (var index in indexes.Values) index.Dispose();
try { System.IO.Directory.Delete(root, recursive: true); } catch (IOException) { }
Console.WriteLine(FormattableString.Invariant($"search items={items} portal_p95_ms={portalP95:F2} baseline_p95_ms={baselineP95:F2} speedup={baselineP95 / portalP95:F1}"));
return 0;
