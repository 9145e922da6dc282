using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Modules;
using Portal.ImportExport.Import;

namespace Portal.Benchmarks;

/// <summary>
/// <c>import --rows N</c>: a spreadsheet of N valid actors (a fifth of them updates of actors imported before, the rest
/// new), imported into a fresh SQLite site in this process: dry run, apply (published), re-import of the same file;
/// then a baseline that inserts the same rows as plain EF Core entities, 1,000 per SaveChanges, in one transaction.
/// <c>--postgres CONNECTION</c> runs it on a fresh PostgreSQL database made on that server (and dropped at the end).
/// </summary>
public static class ImportBenchmark
{
    internal sealed record Commune(string Name, string Insee, double Lat, double Lon);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var rows = 2_000;
        string? server = null;
        QueryCounter? queries = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--rows" && i + 1 < args.Count && int.TryParse(args[i + 1], out var n) && n > 0) { rows = n; i++; }
            else if (args[i] == "--postgres" && i + 1 < args.Count) server = args[++i];
            else if (args[i] == "--queries") queries = new QueryCounter();
            else
            {
                Console.Error.WriteLine($"Unknown or incomplete argument \"{args[i]}\". Usage: import --rows N [--postgres CONNECTION] [--queries]");
                return 64;
            }
        }
        var root = Path.Combine(Path.GetTempPath(), "portal-import-bench-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(root);
        var database = server is null ? null : "portal_bench_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            string? connection = null;
            if (server is not null) connection = await PostgresAsync(server, $"CREATE DATABASE {database}", database);
            return await RunAsync(rows, root, connection, queries);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Npgsql.NpgsqlConnection.ClearAllPools();
            if (server is not null) await PostgresAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", null);
            try { System.IO.Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Runs a command on the server's maintenance database; returns the connection string of <paramref name="database"/>.</summary>
    private static async Task<string?> PostgresAsync(string server, string command, string? database)
    {
        await using (var connection = new Npgsql.NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var sql = new Npgsql.NpgsqlCommand(command, connection);
            await sql.ExecuteNonQueryAsync();
        }
        return database is null ? null : new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }

    private static async Task<int> RunAsync(int rows, string root, string? postgres, QueryCounter? queries)
    {
        var clock = Stopwatch.StartNew();
        await using var app = await SiteAsync(root, postgres, queries);
        Console.WriteLine($"Fresh {(postgres is null ? "SQLite" : "PostgreSQL")} site set up in {clock.Elapsed.TotalSeconds:F1} s.");

        var communes = Communes();
        var updates = rows / 5;
        var seed = Csv(Enumerable.Range(0, updates).Select(i => Row(i, communes, "Première description")));
        var file = Csv(Enumerable.Range(0, rows).Select(i => Row(i, communes, i < updates ? "Description mise à jour" : "Première description")));
        Console.WriteLine($"Spreadsheet: {rows:N0} rows ({updates:N0} updates, {rows - updates:N0} creates), {file.Length / 1048576.0:F1} MB.");

        clock.Restart();
        var seeded = (await ImportAsync(app, "seed.csv", seed, dryRun: false)).Count(ImportAction.Create);
        Console.WriteLine($"Seed: {seeded:N0} actors imported in {clock.Elapsed.TotalSeconds:F1} s (not counted).{Memory()}");

        // Each phase keeps only what the next needs (a report holds the file as read and every row's data): the benchmark
        // measures the import's memory, not its own.
        var (dryRun, _) = await PhaseAsync(app, file, dryRun: true, rows - updates, updates, queries: null);
        Console.WriteLine($"Dry run: {dryRun:F1} s.{Memory()}");

        queries?.Take(0);
        var (apply, titles) = await PhaseAsync(app, file, dryRun: false, rows - updates, updates, queries);

        clock.Restart();
        var unchanged = await CountUnchangedAsync(app, file);
        var reimport = clock.Elapsed.TotalSeconds;
        if (unchanged != rows) throw new InvalidOperationException($"The re-import changed {rows - unchanged} rows.");
        Console.WriteLine($"Re-import: {reimport:F1} s (every row unchanged).{Memory()}");

        // The import's peak: the baseline, run after it in the same process, is not the import's memory.
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;

        clock.Restart();
        await BaselineAsync(app, titles);
        var baseline = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"Baseline (plain EF Core, 1,000 per batch): {baseline:F1} s.{Memory()}");

        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
        Console.WriteLine($"Load average (1, 5, 15 min): {load}.");
        Console.WriteLine(FormattableString.Invariant($"import rows={rows} dryrun_s={dryRun:F1} apply_s={apply:F1} reimport_s={reimport:F1} baseline_s={baseline:F1} ratio={apply / baseline:F1} peak_mb={peak:F0}"));
        return 0;
    }

    /// <summary>A dry run or an apply, checked and timed; the apply says its profile and gives the rows' titles for the baseline.</summary>
    private static async Task<(double Seconds, List<(int Row, string Title)> Titles)> PhaseAsync(WebApplication app, byte[] file, bool dryRun, int creates, int updates, QueryCounter? queries)
    {
        var clock = Stopwatch.StartNew();
        var report = await ImportAsync(app, "actors.csv", file, dryRun);
        var seconds = clock.Elapsed.TotalSeconds;
        Check(report, creates, updates);
        if (dryRun) return (seconds, []);
        if (!report.Applied) throw new InvalidOperationException("The import was not applied.");
        Console.WriteLine($"Apply: {seconds:F1} s ({report.Rows.Count / seconds:F0} rows/s); by section: {string.Join(", ", report.Timings.Select(t => FormattableString.Invariant($"{t.Key} {t.Value:F1} s")))}.");
        Console.WriteLine(Memory());
        if (queries is not null)
            foreach (var (statement, count) in queries.Take(12)) Console.WriteLine($"  {count,7:N0} x {statement}");
        return (seconds, report.Rows.Select(r => (r.Row, r.Title)).ToList());
    }

    /// <summary>The peak working set so far and the managed heap now: which phase holds the memory.</summary>
    private static string Memory() => FormattableString.Invariant(
        $" Memory: peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MB; collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), paused {GC.GetTotalPauseDuration().TotalSeconds:F1} s; CPU so far {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s.");

    private static async Task<int> CountUnchangedAsync(WebApplication app, byte[] file) =>
        (await ImportAsync(app, "actors.csv", file, dryRun: false)).Count(ImportAction.Unchanged);

    private static void Check(ImportReport report, int creates, int updates)
    {
        if (report.HasErrors)
            throw new InvalidOperationException("The generated file has errors: " + string.Join(" / ", report.Ordered.Take(5).Select(i => $"{i.Row} {i.Column} {i.Message}")));
        if (report.Count(ImportAction.Create) != creates || report.Count(ImportAction.Update) != updates)
            throw new InvalidOperationException($"Expected {creates} creates and {updates} updates, got {report.Count(ImportAction.Create)} and {report.Count(ImportAction.Update)}.");
    }

    private static async Task<WebApplication> SiteAsync(string root, string? postgres, QueryCounter? queries)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:DataDirectory"] = root,
            ["Portal:Setup:AdminEmail"] = "bench@bench.example",
            ["Portal:Setup:AdminPassword"] = "Bench-" + Guid.NewGuid().ToString("N"),
            ["Portal:Setup:Recipe"] = "portal-base",
            ["Portal:PublicUrl"] = "http://localhost",
            ["Portal:Import:MaxRows"] = "1000000",
            ["Portal:Import:MaxFileBytes"] = (1L << 30).ToString(CultureInfo.InvariantCulture),
        });
        if (postgres is not null)
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:Database:Provider"] = "Postgres", ["ConnectionStrings:Portal"] = postgres });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        if (queries is not null)
        {
            // Only the counter hears the commands: the console stays at warnings.
            builder.Logging.AddProvider(queries);
            builder.Logging.AddFilter<QueryCounter>(QueryCounter.Category, LogLevel.Information);
            builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(QueryCounter.Category, LogLevel.Warning);
        }
        builder.Services.AddPortal(builder.Configuration, builder.Environment, ModuleCatalog.FromReferences(typeof(Portal.Web.RepeatedLogFilter).Assembly));
        var app = builder.Build();
        if (!await app.Services.GetRequiredService<StartupInitializer>().TryInitializeAsync(CancellationToken.None))
            throw new InvalidOperationException("The site could not be set up.");
        return app;
    }

    private static async Task<ImportReport> ImportAsync(WebApplication app, string name, byte[] file, bool dryRun)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ImportService>();
        return dryRun
            ? await importer.PlanAsync(name, file, "Actor", null, publish: true)
            : await importer.ApplyAsync(name, file, "Actor", null, publish: true);
    }

    /// <summary>The same rows as plain entities: no validation, handlers, journal or audit; 1,000 per SaveChanges, one transaction.</summary>
    private static async Task BaselineAsync(WebApplication app, List<(int Row, string Title)> rows)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = DateTime.UtcNow;
        var number = 0;
        foreach (var batch in rows.Chunk(1_000))
        {
            foreach (var row in batch)
            {
                var id = "baseline" + (++number).ToString(CultureInfo.InvariantCulture);
                var data = new JsonObject
                {
                    ["TitlePart"] = new JsonObject { ["Title"] = new JsonObject { ["Text"] = row.Title } },
                    ["Baseline"] = new JsonObject { ["Row"] = new JsonObject { ["Value"] = row.Row } },
                };
                db.ContentItems.Add(new ContentItem
                {
                    ContentItemId = id, ContentItemVersionId = id + "v", ContentType = "BenchBaseline", DisplayText = row.Title,
                    Number = 1, Latest = true, Published = true, Culture = "fr", LocalizationSet = id, Owner = "bench", Author = "bench",
                    CreatedUtc = now, ModifiedUtc = now, PublishedUtc = now, Path = "baseline/" + id, ConcurrencyStamp = id,
                    Content = data.ToJsonString(),
                });
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync();
    }

    // ---------------------------------------------------------------- the spreadsheet

    private static readonly string[] Types = ["Associations", "Clubs sportifs", "Centres communaux d'action sociale (CCAS)", "Groupes d'entraide mutuelle (GEM)", "Bibliothèques et médiathèques"];

    internal static string[] Row(int i, IReadOnlyList<Commune> communes, string description)
    {
        var commune = communes[i % communes.Count];
        var id = "BENCH-" + i.ToString("D6", CultureInfo.InvariantCulture);
        var jitter = (i % 97 - 48) / 10_000.0;
        return
        [
            id, $"Structure {i} de {commune.Name}", Types[i % Types.Length], $"{description} de la structure {i} : accueil, activités et accompagnement.",
            commune.Name, commune.Insee, $"contact{i}@bench.example",
            (commune.Lat + jitter).ToString("0.0000", CultureInfo.InvariantCulture), (commune.Lon - jitter).ToString("0.0000", CultureInfo.InvariantCulture),
        ];
    }

    internal static byte[] Csv(IEnumerable<string[]> rows)
    {
        var text = new StringBuilder("Identifiant;Nom;Type de structure;Présentation;Commune;Code INSEE;Courriel;Latitude;Longitude\n");
        foreach (var row in rows) text.AppendJoin(';', row.Select(c => c.Contains(';') ? "\"" + c.Replace("\"", "\"\"") + "\"" : c)).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The communes of the real territories vocabulary that have an INSEE code and a centre.</summary>
    internal static List<Commune> Communes()
    {
        using var recipe = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "vocabularies.recipe.json")));
        var communes = new List<Commune>();
        foreach (var step in recipe.RootElement.GetProperty("steps").EnumerateArray())
        {
            if (!step.TryGetProperty("Vocabularies", out var vocabularies)) continue;
            foreach (var vocabulary in vocabularies.EnumerateArray().Where(v => v.GetProperty("Name").GetString() == "territories"))
                foreach (var term in vocabulary.GetProperty("Terms").EnumerateArray())
                    if (term.TryGetProperty("Codes", out var codes) && codes.TryGetProperty("insee", out var insee) && insee.GetString()!.Length == 5
                        && term.TryGetProperty("Latitude", out var lat) && term.TryGetProperty("Longitude", out var lon))
                        communes.Add(new(term.GetProperty("Fr").GetString()!, insee.GetString()!, lat.GetDouble(), lon.GetDouble()));
        }
        return communes;
    }
}
