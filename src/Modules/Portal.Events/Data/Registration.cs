namespace Portal.Events.Data;

/// <summary>Where a registration stands. Pending until its e-mail address is confirmed; then a seat or the waiting list.</summary>
public static class RegistrationStatus
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Waiting = "waiting";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";
    /// <summary>The organiser cancelled the event; the registrant was told.</summary>
    public const string EventCancelled = "event-cancelled";

    /// <summary>The registrations that still count: told about changes, listed for the organiser.</summary>
    public static readonly string[] Active = [Pending, Confirmed, Waiting];
}

/// <summary>One person's sign-up for one session of an event. Personal data: never shown publicly, deleted after the retention period.</summary>
public sealed class Registration
{
    public string Id { get; set; } = "";
    /// <summary>The event's localization set (or its id): a French and a German page share their seats.</summary>
    public string EventKey { get; set; } = "";
    /// <summary>The page the person registered on, for the links in the mails.</summary>
    public string ContentItemId { get; set; } = "";
    public int SessionIndex { get; set; }
    public DateTime SessionStartUtc { get; set; }
    public DateTime SessionEndUtc { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Phone { get; set; }
    public int Seats { get; set; } = 1;
    /// <summary>Accessibility needs ticked, as term slugs of the accessibility vocabulary, comma-separated.</summary>
    public string? NeedTerms { get; set; }
    public string? Needs { get; set; }
    public string Culture { get; set; } = "fr";
    public string Status { get; set; } = RegistrationStatus.Pending;
    public DateTime CreatedUtc { get; set; }
    public DateTime? ConfirmedUtc { get; set; }
    public DateTime? CancelledUtc { get; set; }
    public DateTime? ReminderSentUtc { get; set; }
    /// <summary>When the registrant was told the event is postponed; cleared once it is set again (so each postponement is told once).</summary>
    public DateTime? PostponedNoticeUtc { get; set; }
}

/// <summary>The seats taken in one session: the row a confirmation increments only while seats remain (no overbooking).</summary>
public sealed class SessionSeats
{
    public string EventKey { get; set; } = "";
    public int SessionIndex { get; set; }
    public int Capacity { get; set; }
    public int Taken { get; set; }
}
