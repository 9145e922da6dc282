using Portal.ImportExport.Data;

namespace Portal.ImportExport.Jobs;

/// <summary>Where a job stands: steps done of the phase's total, the rate so far and the time left at that rate.</summary>
public sealed record ImportJobStatus(bool Started, int Done, int Total, double Rate, double? SecondsLeft)
{
    public int Percent => Total <= 0 ? 0 : (int)Math.Clamp(100L * Done / Total, 0, 100);

    /// <summary>From this node's progress entry when it runs the job; from the job's row otherwise.</summary>
    public static ImportJobStatus Of(ImportJob job, ImportProgressBoard.Entry? entry, TimeProvider clock)
    {
        if (entry is null)
            return ImportJobState.IsRunning(job.State)
                ? new(job.StartedUtc is not null, 0, Math.Max(job.RowsTotal, 0), 0, null)
                : new(true, job.RowsDone, job.RowsTotal, 0, null);
        var done = entry.Done;
        var seconds = (clock.GetUtcNow() - entry.Started).TotalSeconds;
        var rate = seconds > 0.5 && done > 0 ? done / seconds : 0;
        double? left = rate > 0 ? Math.Max(0, entry.Total - done) / rate : null;
        return new(true, done, entry.Total, rate, left);
    }
}
