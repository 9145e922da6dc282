namespace Portal.Core.BackgroundTasks;

/// <summary>Runs the tasks of one name. Handlers are resolved in a scope of their own for each task.</summary>
public interface IBackgroundTaskHandler
{
    string Name { get; }

    /// <summary>How long to wait after the failed attempt number <paramref name="attempts"/>; null gives the task up (Failed).</summary>
    TimeSpan? RetryDelay(int attempts) =>
        attempts >= BackgroundTaskProcessor.MaxAttempts ? null : TimeSpan.FromSeconds(Math.Pow(4, attempts));

    Task HandleAsync(string payload, CancellationToken cancellationToken);
}
