namespace Portal.Newsletter.Data;

public static class SubscriberStatus
{
    /// <summary>Signed up, the confirmation link not followed yet: receives nothing, purged after the confirmation delay.</summary>
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
}

/// <summary>
/// A newsletter subscriber. Personal data: the address is used for the newsletter's own mails only, shown on no public
/// page, API, feed or export, and deleted when they unsubscribe (or never confirm).
/// </summary>
public sealed class Subscriber
{
    public string Id { get; set; } = "";
    /// <summary>Lower-cased, so that one address is one subscriber.</summary>
    public string Email { get; set; } = "";
    public string Culture { get; set; } = "";
    /// <summary>The audiences they follow, comma-separated (<see cref="NewsletterAudiences"/>).</summary>
    public string Audiences { get; set; } = "";
    /// <summary>The unguessable secret of their links (confirm, preferences, unsubscribe).</summary>
    public string Token { get; set; } = "";
    public string Status { get; set; } = SubscriberStatus.Pending;
    public DateTime CreatedUtc { get; set; }
    public DateTime? ConfirmedUtc { get; set; }
    public DateTime? LastMailUtc { get; set; }

    public IReadOnlyList<string> AudienceList => NewsletterAudiences.Parse(Audiences);
}

/// <summary>Whom a subscriber wants to hear about, and whom an edition is for.</summary>
public static class NewsletterAudiences
{
    public const string Public = "public";
    public const string Professionals = "professionals";
    public static readonly string[] All = [Public, Professionals];

    public static IReadOnlyList<string> Parse(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(All.Contains).Distinct().ToList();

    public static string Join(IEnumerable<string> audiences) => string.Join(",", All.Where(audiences.Contains));
}
