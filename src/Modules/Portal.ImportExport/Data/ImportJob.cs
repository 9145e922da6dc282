namespace Portal.ImportExport.Data;

/// <summary>
/// One import, kept in the database from the upload to its end: the file, the mapping and mode chosen, where it stands,
/// its counts and the stored report (the dry run's, then the apply's). Background tasks run it; a page follows it.
/// </summary>
public sealed class ImportJob
{
    /// <summary>32 lower-case hex digits, the address of its page.</summary>
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string FileName { get; set; } = "";
    public byte[] File { get; set; } = [];
    public string ContentType { get; set; } = "";
    /// <summary>The mapping as JSON (<see cref="Import.ImportMapping"/>), null until one is chosen or proposed.</summary>
    public string? Mapping { get; set; }
    public bool Publish { get; set; }
    /// <summary>The interface language of who asked (the report's messages are written in it); empty: the process's own.</summary>
    public string Culture { get; set; } = "";
    public string State { get; set; } = ImportJobState.Analysing;
    public bool CancelRequested { get; set; }
    public int RowsTotal { get; set; }
    public int RowsDone { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Errors { get; set; }
    /// <summary>The stored report (<see cref="Import.ImportReport"/> as JSON, with the file as read): pages never parse the file again.</summary>
    public string? Report { get; set; }
    /// <summary>What happened that the page should say (<see cref="ImportJobNotice"/>: a restart, a cancel, a failure).</summary>
    public string? Notice { get; set; }
    /// <summary>The failure's reason, when there is one.</summary>
    public string? Detail { get; set; }
    public DateTime CreatedUtc { get; set; }
    /// <summary>When the current phase (analysis or apply) was asked for: applies run one at a time, oldest first.</summary>
    public DateTime QueuedUtc { get; set; }
    /// <summary>When the current phase began running; set before it writes anything, so a restart knows it was interrupted.</summary>
    public DateTime? StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
}

public static class ImportJobState
{
    public const string Analysing = "Analysing";
    public const string Ready = "Ready";
    public const string Applying = "Applying";
    public const string Done = "Done";
    public const string Failed = "Failed";
    public const string Cancelled = "Cancelled";

    public static bool IsRunning(string state) => state is Analysing or Applying;
}

/// <summary>What a job's page says besides its state.</summary>
public static class ImportJobNotice
{
    /// <summary>The site stopped during the analysis; it ran again from the start.</summary>
    public const string AnalysisRestarted = "AnalysisRestarted";
    /// <summary>The site stopped during the apply; the database had rolled back every row of it; the apply ran again.</summary>
    public const string ApplyRestarted = "ApplyRestarted";
    /// <summary>Cancelled during the apply: rolled back, nothing written.</summary>
    public const string CancelledDuringApply = "CancelledDuringApply";
    public const string Cancelled = "Cancelled";
    /// <summary>A row could not be saved, or the database failed: rolled back, nothing written (<see cref="ImportJob.Detail"/>).</summary>
    public const string ApplyFailed = "ApplyFailed";
    public const string AnalysisFailed = "AnalysisFailed";
}
