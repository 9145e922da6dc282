namespace Portal.Core.BackgroundTasks;

/// <summary>A unit of work written in the same transaction as the change that needs it, run later by a worker.</summary>
public sealed class BackgroundTask
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Payload { get; set; } = "{}";
    public string Status { get; set; } = BackgroundTaskStatus.Pending;
    public int Attempts { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime AvailableUtc { get; set; }
    public string? LockedBy { get; set; }
    public DateTime? LockedUntilUtc { get; set; }
    public DateTime? CompletedUtc { get; set; }
    public string? LastError { get; set; }
}

public static class BackgroundTaskStatus
{
    public const string Pending = "Pending";
    public const string Running = "Running";
    public const string Done = "Done";
    public const string Failed = "Failed";
    /// <summary>Given up by a person (an outbox message an administrator discarded); kept, never run.</summary>
    public const string Discarded = "Discarded";
}
