namespace Portal.Knowledge.Data;

/// <summary>Where a request to replicate a project stands: a moderator forwards it to the project holder or declines it.</summary>
public static class ReplicationStatus
{
    public const string Pending = "pending";
    public const string Forwarded = "forwarded";
    public const string Declined = "declined";
}

/// <summary>
/// A professional's request to replicate a good practice. Personal data: the requester's address only goes, as a
/// reply-to, to the holder once a moderator forwards the request; the holder's address is never shown to the requester.
/// </summary>
public sealed class ReplicationRequest
{
    public string Id { get; set; } = "";
    /// <summary>The good practice's page the request was sent from.</summary>
    public string ContentItemId { get; set; } = "";
    public string ProjectTitle { get; set; } = "";
    public string Culture { get; set; } = "";
    public string Name { get; set; } = "";
    public string Organisation { get; set; } = "";
    public string Email { get; set; } = "";
    public string Message { get; set; } = "";
    public string Status { get; set; } = ReplicationStatus.Pending;
    public DateTime CreatedUtc { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? DecidedBy { get; set; }
}
