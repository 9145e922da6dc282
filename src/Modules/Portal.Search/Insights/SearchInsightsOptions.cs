namespace Portal.Search.Insights;

/// <summary>Portal:Search:Insights — how searches are counted for the back office's insights page.</summary>
public sealed class SearchInsightsOptions
{
    /// <summary>A search with at least one and at most this many results counts as one with few results.</summary>
    public int FewResults { get; set; } = 3;
    /// <summary>Distinct queries kept per culture and week; the least frequent beyond it are dropped (and counted as dropped).</summary>
    public int MaxQueriesPerWeek { get; set; } = 500;
    /// <summary>Weeks kept; older weeks are deleted by the background job.</summary>
    public int RetentionWeeks { get; set; } = 26;
    /// <summary>How often the counts held in memory are added to the database.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(30);
}
