namespace Portal.Network.Data;

/// <summary>Where an application for a professional account stands.</summary>
public static class ProfessionalStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
}

/// <summary>What of a member's profile anonymous visitors see; members see every field but the address.</summary>
public static class ProfileField
{
    public const string Name = "name";
    public const string Organisation = "organisation";
    public const string JobTitle = "jobtitle";
    public const string Side = "side";
    public const string Languages = "languages";
    public const string Expertise = "expertise";

    public static readonly string[] All = [Name, Organisation, JobTitle, Side, Languages, Expertise];
}

/// <summary>
/// An application for a professional account, then the member's profile. Personal data: the name and the work address
/// are never shown on a public page, the API, a feed or an export; the address never leaves the site but as a mail's reply-to.
/// </summary>
public sealed class Professional
{
    public string Id { get; set; } = "";
    /// <summary>The account, once approved (or the partner's own account when they apply with its address).</summary>
    public string? UserId { get; set; }
    public string Status { get; set; } = ProfessionalStatus.Pending;
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    /// <summary>The organisation's directory entry (its localization set), when it is listed.</summary>
    public string? OrganisationId { get; set; }
    public string OrganisationName { get; set; } = "";
    public string JobTitle { get; set; } = "";
    public string Side { get; set; } = "";
    /// <summary>Term slugs, comma-separated.</summary>
    public string Languages { get; set; } = "";
    public string Expertise { get; set; } = "";
    /// <summary>The profile fields anonymous visitors may see (<see cref="ProfileField"/>), comma-separated; empty: not listed publicly.</summary>
    public string PublicFields { get; set; } = "";
    public string Culture { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? DecidedBy { get; set; }
    public string? Reason { get; set; }
    /// <summary>The partner account that invited this member, if any.</summary>
    public string? InvitedBy { get; set; }

    public static IReadOnlyList<string> Split(string csv) => csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsPublic(string field) => Split(PublicFields).Contains(field);
}
