namespace Portal.Network.Data;

/// <summary>
/// How a professional refers someone to a directory entry: kept apart from the entry's content (in this module's table,
/// keyed by the entry's localization set), so it never reaches the public page, the API, the index, the map, feeds or exports.
/// </summary>
public sealed class ProfessionalDetails
{
    /// <summary>The entry's localization set (its id when it has no translation).</summary>
    public string EntrySet { get; set; } = "";
    public string? OrientationProcedure { get; set; }
    public string? ReferralFormUrl { get; set; }
    public string? EligibilityCriteria { get; set; }
    public string? ReferentName { get; set; }
    public string? ReferentPhone { get; set; }
    public string? WaitingTime { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public string? UpdatedBy { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(OrientationProcedure) && string.IsNullOrWhiteSpace(ReferralFormUrl) && string.IsNullOrWhiteSpace(EligibilityCriteria)
        && string.IsNullOrWhiteSpace(ReferentName) && string.IsNullOrWhiteSpace(ReferentPhone) && string.IsNullOrWhiteSpace(WaitingTime);
}

/// <summary>One message relayed from a member to another: when, by whom; for the per-sender limit (no text, no address kept).</summary>
public sealed class NetworkContact
{
    public string Id { get; set; } = "";
    public string SenderId { get; set; } = "";
    public string RecipientId { get; set; } = "";
    public DateTime SentUtc { get; set; }
}
