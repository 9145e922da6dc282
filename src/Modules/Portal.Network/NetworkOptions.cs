namespace Portal.Network;

/// <summary>Portal:Network: limits and retention of the professionals' network.</summary>
public sealed class NetworkOptions
{
    /// <summary>Applications accepted per client address and hour.</summary>
    public int ApplicationsPerHour { get; set; } = 5;
    /// <summary>Messages a member may send through the contact form in 24 hours.</summary>
    public int ContactsPerDay { get; set; } = 10;
    /// <summary>Days a rejected application's personal data is kept (to answer a question about the decision), then deleted.</summary>
    public int RejectedRetentionDays { get; set; } = 90;
    /// <summary>Days the record of a relayed message (who wrote to whom, for the limit) is kept.</summary>
    public int ContactRetentionDays { get; set; } = 30;
    /// <summary>The content types whose entries carry professional-only details (set by a recipe or configuration).</summary>
    public List<string> DetailTypes { get; set; } = [];
}
