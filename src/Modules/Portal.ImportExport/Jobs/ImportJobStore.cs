using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.BackgroundTasks;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.ImportExport.Data;
using Portal.ImportExport.Import;

namespace Portal.ImportExport.Jobs;

/// <summary>Creates import jobs and moves them on (analyse, apply, cancel): each step a row change and a background task, one unit of work.</summary>
public sealed class ImportJobStore(ImportExportDbContext db, PortalDbContext kernel, IBackgroundTaskQueue queue, ImportProgressBoard board, TimeProvider clock)
{
    public const string AnalyseTask = "import.analyse";
    public const string ApplyTask = "import.apply";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static bool IsId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    public Task<ImportJob?> FindAsync(string id) => IsId(id) ? db.ImportJobs.SingleOrDefaultAsync(j => j.Id == id) : Task.FromResult<ImportJob?>(null);

    /// <summary>A new job, analysing; <paramref name="enqueue"/> false when the caller runs it itself (the command line).</summary>
    public async Task<ImportJob> CreateAsync(string fileName, byte[] file, string contentType, ImportMapping? mapping, bool publish, string userId, string userName, bool enqueue = true)
    {
        var job = new ImportJob
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            UserId = userId,
            UserName = userName,
            FileName = Path.GetFileName(fileName),
            File = file,
            ContentType = contentType,
            Mapping = mapping is null ? null : JsonSerializer.Serialize(mapping, ContentJson.Options),
            Publish = publish,
            Culture = System.Globalization.CultureInfo.CurrentUICulture.Name,
            State = ImportJobState.Analysing,
            CreatedUtc = Now,
            QueuedUtc = Now,
        };
        db.ImportJobs.Add(job);
        await SaveAsync(enqueue ? AnalyseTask : null, job.Id);
        return job;
    }

    /// <summary>Analyses again with another mapping or mode; the stored report is dropped.</summary>
    public async Task<bool> ReanalyseAsync(ImportJob job, ImportMapping mapping, bool publish)
    {
        if (job.State is not (ImportJobState.Ready or ImportJobState.Failed or ImportJobState.Cancelled)) return false;
        job.Mapping = JsonSerializer.Serialize(mapping, ContentJson.Options);
        job.Publish = publish;
        job.Culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        Restart(job, ImportJobState.Analysing);
        job.Report = null;
        await SaveAsync(AnalyseTask, job.Id);
        return true;
    }

    /// <summary>Queues the apply of an analysed job without errors; false when it is not ready for it.</summary>
    public async Task<bool> ApplyAsync(ImportJob job, bool enqueue = true)
    {
        if (job.State is not (ImportJobState.Ready or ImportJobState.Cancelled or ImportJobState.Failed) || job.Report is null || job.Errors > 0) return false;
        Restart(job, ImportJobState.Applying);
        await SaveAsync(enqueue ? ApplyTask : null, job.Id);
        return true;
    }

    /// <summary>
    /// Asks a running or queued job to stop: this node's own job stops at once; a job another node runs, or one waiting
    /// for its turn, reads the request from its row. What it had written is rolled back.
    /// </summary>
    public async Task<bool> CancelAsync(ImportJob job)
    {
        if (!ImportJobState.IsRunning(job.State)) return false;
        if (board.Cancel(job.Id)) return true;
        job.CancelRequested = true;
        await db.SaveChangesAsync();
        return true;
    }

    private void Restart(ImportJob job, string state)
    {
        job.State = state;
        job.CancelRequested = false;
        job.Notice = job.Detail = null;
        job.StartedUtc = job.FinishedUtc = null;
        job.RowsDone = 0;
        job.QueuedUtc = Now;
    }

    private async Task SaveAsync(string? task, string id)
    {
        await using var transaction = await db.BeginSharedTransactionAsync();
        await db.SaveChangesAsync();
        if (task is not null)
        {
            queue.Enqueue(task, id);
            await kernel.SaveChangesAsync();
        }
        await transaction.CommitAsync();
    }

    public static ImportReport? ReportOf(ImportJob job) =>
        job.Report is null ? null : JsonSerializer.Deserialize<ImportReport>(job.Report, ContentJson.Options);

    public static ImportMapping? MappingOf(ImportJob job) =>
        job.Mapping is null ? null : JsonSerializer.Deserialize<ImportMapping>(job.Mapping, ContentJson.Options);
}
