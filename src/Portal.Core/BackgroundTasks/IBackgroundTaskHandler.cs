namespace Portal.Core.BackgroundTasks;

/// <summary>Runs the tasks of one name. Handlers are resolved in a scope of their own for each task.</summary>
public interface IBackgroundTaskHandler
{
    string Name { get; }

    Task HandleAsync(string payload, CancellationToken cancellationToken);
}
