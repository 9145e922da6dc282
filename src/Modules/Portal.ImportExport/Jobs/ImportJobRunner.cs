using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Content;
using Portal.ImportExport.Data;
using Portal.ImportExport.Import;

namespace Portal.ImportExport.Jobs;

/// <summary>An apply that must wait: an older import is applying (on this node or another).</summary>
public sealed class ImportQueuedException(string jobId) : Exception($"The import {jobId} waits for an older one to finish.");

/// <summary>
/// Runs a job's analysis or apply. The analysis reads the file once and stores the report; the apply re-checks the
/// stored rows and writes them in one transaction, with the job's final state in the same commit. A site that stops
/// in the middle loses nothing but time: the transaction is rolled back by the database, the task runs again when the
/// site starts, and the job says that it was interrupted and started again.
/// </summary>
public sealed class ImportJobRunner(
    ImportExportDbContext db,
    ImportService importer,
    SpreadsheetReader reader,
    ImportProgressBoard board,
    ActingUser acting,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<ImportJobRunner> logger)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Called with the job's progress entry once it runs (the command line draws its progress bar from it).</summary>
    public Action<ImportProgressBoard.Entry>? Started { get; set; }

    public async Task AnalyseAsync(string id, CancellationToken stopping)
    {
        var job = await db.ImportJobs.SingleOrDefaultAsync(j => j.Id == id, stopping);
        if (job is null || job.State != ImportJobState.Analysing) return;
        if (job.CancelRequested)
        {
            await EndAsync(job, ImportJobState.Cancelled, ImportJobNotice.Cancelled);
            return;
        }
        if (job.StartedUtc is not null) job.Notice = ImportJobNotice.AnalysisRestarted;
        job.StartedUtc = Now;
        await db.SaveChangesAsync(CancellationToken.None);
        if (job.UserId.Length > 0) acting.Set(job.UserId, job.UserName);
        InCultureOf(job);

        var table = reader.Read(job.FileName, job.File);
        var entry = board.Start(id, table.Rows.Count, stopping);
        Started?.Invoke(entry);
        using var watch = WatchCancelRequest(id, entry);
        try
        {
            var report = await importer.PlanAsync(job.FileName, table, job.ContentType, ImportJobStore.MappingOf(job), job.Publish, entry.Report, entry.Cancel.Token);
            Store(job, report);
            await EndAsync(job, ImportJobState.Ready, job.Notice);
        }
        catch (OperationCanceledException) when (entry.CancelledByUser)
        {
            await EndAsync(job, ImportJobState.Cancelled, ImportJobNotice.Cancelled);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The analysis of import {Job} ({File}) failed.", id, job.FileName);
            job.Detail = Shorten(ex.Message);
            await EndAsync(job, ImportJobState.Failed, ImportJobNotice.AnalysisFailed);
        }
        finally
        {
            board.Finish(id);
        }
    }

    public async Task ApplyAsync(string id, CancellationToken stopping)
    {
        var job = await db.ImportJobs.SingleOrDefaultAsync(j => j.Id == id, stopping);
        if (job is null || job.State != ImportJobState.Applying) return;
        if (job.CancelRequested)
        {
            await EndAsync(job, ImportJobState.Cancelled, ImportJobNotice.Cancelled);
            return;
        }
        // One apply at a time on the whole site, oldest first: two imports never interleave their rows.
        var queuedUtc = job.QueuedUtc;
        if (await db.ImportJobs.AnyAsync(j => j.State == ImportJobState.Applying && j.Id != id
                && (j.QueuedUtc < queuedUtc || j.QueuedUtc == queuedUtc && string.Compare(j.Id, id) < 0), stopping))
            throw new ImportQueuedException(id);

        var stored = ImportJobStore.ReportOf(job) ?? throw new InvalidOperationException($"The import {id} has no analysis to apply.");
        if (job.StartedUtc is not null) job.Notice = ImportJobNotice.ApplyRestarted;
        job.StartedUtc = Now;
        await db.SaveChangesAsync(CancellationToken.None);
        if (job.UserId.Length > 0) acting.Set(job.UserId, job.UserName);
        InCultureOf(job);

        // Checking every row again (the directory may have changed since the analysis), then writing the changes.
        var entry = board.Start(id, stored.Table.Rows.Count + job.Created + job.Updated, stopping);
        Started?.Invoke(entry);
        using var watch = WatchCancelRequest(id, entry);
        try
        {
            var report = await importer.ApplyAsync(job.FileName, stored.Table, job.ContentType, stored.Mapping, job.Publish, entry.Report,
                async applied =>
                {
                    Store(job, applied);
                    job.State = ImportJobState.Done;
                    job.FinishedUtc = Now;
                    await db.SaveChangesAsync(CancellationToken.None);
                },
                entry.Cancel.Token);
            if (!report.Applied)
            {
                Store(job, report);
                await EndAsync(job, ImportJobState.Failed, ImportJobNotice.ApplyFailed);
            }
        }
        catch (OperationCanceledException) when (entry.CancelledByUser)
        {
            await EndAsync(job, ImportJobState.Cancelled, ImportJobNotice.CancelledDuringApply);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The apply of import {Job} ({File}) failed; nothing was written.", id, job.FileName);
            job.Detail = Shorten(ex.Message);
            await EndAsync(job, ImportJobState.Failed, ImportJobNotice.ApplyFailed);
        }
        finally
        {
            board.Finish(id);
        }
    }

    /// <summary>The report speaks the language of who asked for it (this async flow only).</summary>
    private static void InCultureOf(ImportJob job)
    {
        if (job.Culture.Length == 0) return;
        try { CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(job.Culture); }
        catch (CultureNotFoundException) { }
    }

    private static void Store(ImportJob job, ImportReport report)
    {
        job.Report = JsonSerializer.Serialize(report, ContentJson.Options);
        job.RowsTotal = report.Rows.Count;
        job.RowsDone = report.Rows.Count;
        job.Created = report.Count(ImportAction.Create);
        job.Updated = report.Count(ImportAction.Update);
        job.Unchanged = report.Count(ImportAction.Unchanged);
        job.Errors = report.Rows.Count(r => r.Action == ImportAction.Error) + report.Issues.Count(i => i.Row == 0 && i.Severity == ImportSeverity.Error);
        if (job.Errors == 0 && report.HasErrors) job.Errors = 1;
    }

    private async Task EndAsync(ImportJob job, string state, string? notice)
    {
        job.State = state;
        job.Notice = notice;
        job.FinishedUtc = Now;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Reads the job's row every second, on a connection of its own, for a cancel asked on another node (or before this node knew the job).</summary>
    private IDisposable WatchCancelRequest(string id, ImportProgressBoard.Entry entry)
    {
        var stop = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), clock, stop.Token);
                    await using var scope = scopes.CreateAsyncScope();
                    var jobs = scope.ServiceProvider.GetRequiredService<ImportExportDbContext>();
                    if (await jobs.ImportJobs.AsNoTracking().AnyAsync(j => j.Id == id && j.CancelRequested, stop.Token))
                    {
                        entry.CancelByUser();
                        return;
                    }
                }
                catch (OperationCanceledException) { return; }
                catch (ObjectDisposedException) { return; }
                catch (Exception ex) { logger.LogDebug(ex, "The cancel request of import {Job} could not be read this time.", id); }
            }
        });
        return new Stopper(stop);
    }

    private sealed class Stopper(CancellationTokenSource source) : IDisposable
    {
        public void Dispose()
        {
            source.Cancel();
            source.Dispose();
        }
    }

    private static string Shorten(string text) => text.Length > 2000 ? text[..2000] : text;
}
