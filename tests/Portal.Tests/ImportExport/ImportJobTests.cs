using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Core.BackgroundTasks;
using Portal.Core.Content;
using Portal.ImportExport.Data;
using Portal.ImportExport.Import;
using Portal.ImportExport.Jobs;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.ImportExport;

/// <summary>
/// Import jobs: run by the background tasks, kept in the database; a restart in the middle resumes them, a cancel rolls
/// them back, two applies queue, the page shows the stored report, and readers are answered during an apply.
/// </summary>
public sealed class ImportJobTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    /// <summary>A file of <paramref name="rows"/> new actors of the base site's Moselle communes.</summary>
    internal static byte[] Actors(int rows, string prefix = "JOB")
    {
        var text = new StringBuilder("Identifiant;Nom;Type de structure;Présentation;Commune;Code INSEE;Courriel;Latitude;Longitude\n");
        for (var i = 0; i < rows; i++)
            text.Append(CultureInfo.InvariantCulture, $"{prefix}-{i:D5};Structure {prefix} {i} d'Aboncourt;Associations;Accueil et activités de la structure {i}.;Aboncourt;57001;contact{i}@jobs.example;49.2565;6.3544\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static Task<int> CountAsync(PortalFactory factory, string prefix) =>
        factory.WithDbAsync(db => db.ContentItems.CountAsync(i => i.Latest && i.DisplayText.StartsWith("Structure " + prefix + " ")));

    private static Task<ImportJob> JobAsync(PortalFactory factory, string id) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<ImportExportDbContext>().ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id));

    private static async Task<ImportJob> WaitAsync(PortalFactory factory, string id, Func<ImportJob, bool> until)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var job = await JobAsync(factory, id);
            if (until(job)) return job;
            if (clock.Elapsed > Patience) throw new TimeoutException($"The import {id} is still {job.State} ({job.Notice}, {job.Detail}).");
            await Task.Delay(100);
        }
    }

    private static Task<ImportJob> WaitStillAsync(PortalFactory factory, string id) => WaitAsync(factory, id, j => !ImportJobState.IsRunning(j.State));

    private static Task<ImportJob> CreateAsync(PortalFactory factory, byte[] file, bool enqueue = true) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<ImportJobStore>().CreateAsync("actors.csv", file, "Actor", null, publish: true, "", "", enqueue));

    private static Task<bool> ApplyAsync(PortalFactory factory, string id) => factory.WithScopeAsync(async sp =>
    {
        var store = sp.GetRequiredService<ImportJobStore>();
        return await store.ApplyAsync((await store.FindAsync(id))!);
    });

    /// <summary>Holds the import at its n-th row (checked or created) until released, or until the site stops.</summary>
    private sealed class Gate : IContentHandler
    {
        public required bool OnCreate { get; init; }
        public int At { get; init; } = 10;
        public volatile bool Armed = true;
        public CancellationToken Stopping;
        private int _count;
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task ValidatingAsync(ContentValidateContext context) => OnCreate ? Task.CompletedTask : PassAsync(context.Item);
        public Task CreatedAsync(ContentContext context) => OnCreate ? PassAsync(context.Item) : Task.CompletedTask;

        private async Task PassAsync(ContentItem item)
        {
            if (!Armed || !item.DisplayText.StartsWith("Structure ", StringComparison.Ordinal) || Interlocked.Increment(ref _count) != At) return;
            Reached.TrySetResult();
            await Release.Task.WaitAsync(Stopping);
        }
    }

    private static PortalFactory Site(string provider, string directory, string? connection, Gate? gate)
    {
        var factory = new PortalFactory(provider, dataDirectory: directory, connectionString: connection)
        {
            ConfigureTestServices = s => { if (gate is not null) s.AddSingleton<IContentHandler>(gate); },
        };
        factory.CreateClient().Dispose();
        if (gate is not null) gate.Stopping = factory.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        return factory;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_restart_during_the_analysis_or_the_apply_resumes_the_job_says_so_and_never_leaves_half_an_import(string provider)
    {
        var directory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        string? database = null;
        var connection = provider == "Postgres" ? TestDatabases.CreatePostgresDatabase(out database) : null;
        try
        {
            // 1. The site stops while the job checks its 10th row.
            string id;
            var checking = new Gate { OnCreate = false };
            using (var site = Site(provider, directory, connection, checking))
            {
                id = (await CreateAsync(site, Actors(30))).Id;
                await checking.Reached.Task.WaitAsync(Patience);
                (await JobAsync(site, id)).State.Should().Be(ImportJobState.Analysing);
            }

            // 2. Started again, the site finishes the analysis and says it was interrupted; then it stops in the middle of the apply.
            var writing = new Gate { OnCreate = true };
            using (var site = Site(provider, directory, connection, writing))
            {
                var analysed = await WaitStillAsync(site, id);
                (analysed.State, analysed.Notice, analysed.Created, analysed.Errors).Should().Be((ImportJobState.Ready, ImportJobNotice.AnalysisRestarted, 30, 0));
                (await ApplyAsync(site, id)).Should().BeTrue();
                await writing.Reached.Task.WaitAsync(Patience);
                // Ten items are written in the open transaction: no reader sees any of them.
                (await CountAsync(site, "JOB")).Should().Be(0);
            }

            // 3. Stopped there, the database rolled the apply back: nothing of it is left until the site runs it again.
            using (var site = Site(provider, directory, connection, null))
            {
                var applied = await WaitStillAsync(site, id);
                (applied.State, applied.Notice, applied.Created).Should().Be((ImportJobState.Done, ImportJobNotice.ApplyRestarted, 30));
                (await CountAsync(site, "JOB")).Should().Be(30, "every row once: the interrupted attempt left nothing behind");
                (await site.WithDbAsync(db => db.ContentItems.Where(i => i.DisplayText.StartsWith("Structure JOB ")).Select(i => i.ContentItemId).Distinct().CountAsync())).Should().Be(30);
            }
        }
        finally
        {
            if (database is not null) TestDatabases.DropPostgresDatabase(database);
            try { System.IO.Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_page_shows_the_stored_report_and_a_cancel_during_the_apply_rolls_every_row_back(string provider)
    {
        var gate = new Gate { OnCreate = true, Armed = false };
        using var factory = new PortalFactory(provider) { ConfigureTestServices = s => s.AddSingleton<IContentHandler>(gate) };
        using var browser = factory.CreateBrowser();
        gate.Stopping = factory.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        await browser.SignInAsync();
        var form = new MultipartFormDataContent
        {
            { new StringContent(await browser.TokenAsync("/admin/import")), "__RequestVerificationToken" },
            { new StringContent("Actor"), "type" },
            { new ByteArrayContent(Actors(30, "CAN")), "file", "actors.csv" },
        };
        var uploaded = await browser.PostAsync("/admin/import", form);
        uploaded.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = uploaded.Headers.Location!.OriginalString;
        var id = page[(page.LastIndexOf('/') + 1)..];
        await WaitStillAsync(factory, id);

        // The file itself is spoiled in the database: the page still shows the report, so it never reads the file again.
        await factory.WithScopeAsync(sp => sp.GetRequiredService<ImportExportDbContext>().ImportJobs.Where(j => j.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.File, [1, 2, 3])));
        var html = Browser.Decode(await browser.GetStringAsync(page));
        html.Should().Contain("30 lignes à créer").And.Contain("Structure CAN 7 d'Aboncourt").And.Contain("Importer en brouillons");
        (await browser.GetAsync(page + "/report.csv")).StatusCode.Should().Be(HttpStatusCode.OK);

        gate.Armed = true;
        (await browser.PostFormAsync(page, page + "/apply", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await gate.Reached.Task.WaitAsync(Patience);
        html = Browser.Decode(await browser.GetStringAsync(page));
        html.Should().Contain("Application de l'import").And.Contain("aria-live=\"polite\"").And.Contain("Annuler l'import").And.Contain($"href=\"{page}\"");
        var status = await browser.GetStringAsync(page + "/status");
        status.Should().Contain("\"running\":true").And.Contain("\"state\":\"Applying\"");

        (await browser.PostFormAsync(page, page + "/cancel", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        gate.Release.SetResult();
        var job = await WaitStillAsync(factory, id);
        (job.State, job.Notice).Should().Be((ImportJobState.Cancelled, ImportJobNotice.CancelledDuringApply));
        (await CountAsync(factory, "CAN")).Should().Be(0, "the ten rows written before the cancel were rolled back");
        Browser.Decode(await browser.GetStringAsync(page)).Should().Contain("L'import a été annulé pendant l'application : chaque ligne déjà écrite a été annulée");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Two_imports_applied_at_once_are_queued_the_second_starts_when_the_first_has_ended(string provider)
    {
        // Held while it checks its rows again, before it writes (SQLite lets one writer at a time: the second apply is asked for meanwhile).
        var gate = new Gate { OnCreate = false, At = 5, Armed = false };
        using var factory = new PortalFactory(provider) { ConfigureTestServices = s => s.AddSingleton<IContentHandler>(gate) };
        factory.CreateClient().Dispose();
        gate.Stopping = factory.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var first = (await CreateAsync(factory, Actors(20, "ONE"))).Id;
        var second = (await CreateAsync(factory, Actors(20, "TWO"))).Id;
        await WaitStillAsync(factory, first);
        await WaitStillAsync(factory, second);

        gate.Armed = true;
        await ApplyAsync(factory, first);
        await gate.Reached.Task.WaitAsync(Patience);
        await ApplyAsync(factory, second);

        // A second node takes the second apply while the first runs: it waits, untouched, for its turn.
        var node = new BackgroundTaskProcessor(factory.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<BackgroundTaskProcessor>.Instance);
        for (var i = 0; i < 20 && await factory.WithDbAsync(db => db.BackgroundTasks.AnyAsync(t => t.Payload == second && t.Attempts == 0)); i++)
            await node.RunNextAsync(CancellationToken.None);
        (await factory.WithDbAsync(db => db.BackgroundTasks.SingleAsync(t => t.Payload == second && t.Name == ImportJobStore.ApplyTask))).Attempts.Should().BeGreaterThan(0);
        var waiting = await JobAsync(factory, second);
        (waiting.State, waiting.StartedUtc).Should().Be((ImportJobState.Applying, (DateTime?)null));
        (await CountAsync(factory, "TWO")).Should().Be(0);

        gate.Release.SetResult();
        var one = await WaitStillAsync(factory, first);
        var two = await WaitStillAsync(factory, second);
        (one.State, two.State).Should().Be((ImportJobState.Done, ImportJobState.Done));
        two.StartedUtc.Should().BeOnOrAfter(one.FinishedUtc!.Value);
        var lastOfFirst = await factory.WithDbAsync(db => db.ContentItems.Where(i => i.DisplayText.StartsWith("Structure ONE ")).MaxAsync(i => i.Id));
        var firstOfSecond = await factory.WithDbAsync(db => db.ContentItems.Where(i => i.DisplayText.StartsWith("Structure TWO ")).MinAsync(i => i.Id));
        firstOfSecond.Should().BeGreaterThan(lastOfFirst, "the rows of the two imports are not interleaved");
    }

    /// <summary>Slows every imported row a little, so that the apply lasts while the readers are measured.</summary>
    private sealed class Slow : IContentHandler
    {
        public Task CreatedAsync(ContentContext context) =>
            context.Item.DisplayText.StartsWith("Structure RDR ", StringComparison.Ordinal) ? Task.Delay(15) : Task.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Readers_of_the_public_site_get_answers_while_an_import_is_applied(string provider)
    {
        using var factory = new PortalFactory(provider) { ConfigureTestServices = s => s.AddSingleton<IContentHandler>(new Slow()) };
        using var client = factory.CreateClient();
        (await client.GetAsync("/fr")).StatusCode.Should().Be(HttpStatusCode.OK);
        var id = (await CreateAsync(factory, Actors(400, "RDR"))).Id;
        await WaitStillAsync(factory, id);
        await ApplyAsync(factory, id);
        await WaitAsync(factory, id, j => j.StartedUtc is not null);

        var cached = new List<double>();
        var rendered = new List<double>();
        var n = 0;
        while (ImportJobState.IsRunning((await JobAsync(factory, id)).State))
        {
            foreach (var (url, times) in new[] { ("/fr", cached), ($"/fr?reader={++n}", rendered) })
            {
                var clock = Stopwatch.StartNew();
                var response = await client.GetAsync(url);
                times.Add(clock.Elapsed.TotalMilliseconds);
                response.StatusCode.Should().Be(HttpStatusCode.OK);
            }
        }
        (await JobAsync(factory, id)).State.Should().Be(ImportJobState.Done);
        (await CountAsync(factory, "RDR")).Should().Be(400);
        static double P95(List<double> times) => times.Order().ElementAt((int)Math.Ceiling(times.Count * 0.95) - 1);
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
        output.WriteLine(FormattableString.Invariant($"{provider}: readers of /fr during the apply: {cached.Count} requests, p95 {P95(cached):F0} ms; of /fr?reader=n (past the output cache): p95 {P95(rendered):F0} ms; load average {load}"));
        cached.Count.Should().BeGreaterThan(3, "the apply lasts several seconds");
        P95(rendered).Should().BeLessThan(5_000, "a reader never waits for the import's transaction");
    }
}
