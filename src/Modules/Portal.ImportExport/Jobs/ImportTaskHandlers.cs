using Portal.Core.BackgroundTasks;

namespace Portal.ImportExport.Jobs;

/// <summary>Runs an import job's analysis (payload: the job's id).</summary>
public sealed class ImportAnalyseTaskHandler(ImportJobRunner runner) : IBackgroundTaskHandler
{
    public string Name => ImportJobStore.AnalyseTask;

    // The runner records a failure in the job itself: what comes back here is a shutdown or the database being away.
    public TimeSpan? RetryDelay(int attempts) => TimeSpan.FromSeconds(Math.Min(30, attempts));

    public Task HandleAsync(string payload, CancellationToken cancellationToken) => runner.AnalyseAsync(payload, cancellationToken);
}

/// <summary>Runs an import job's apply (payload: the job's id); waits its turn behind an older apply.</summary>
public sealed class ImportApplyTaskHandler(ImportJobRunner runner) : IBackgroundTaskHandler
{
    public string Name => ImportJobStore.ApplyTask;

    public TimeSpan? RetryDelay(int attempts) => TimeSpan.FromSeconds(Math.Min(5, attempts));

    public Task HandleAsync(string payload, CancellationToken cancellationToken) => runner.ApplyAsync(payload, cancellationToken);
}
