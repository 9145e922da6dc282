namespace Portal.Events.Services;

/// <summary>Portal:Events: how long registrants' data are kept and how long a confirmation link waits.</summary>
public sealed class EventsOptions
{
    public const string Section = "Portal:Events";

    /// <summary>Months after a session's end when its registrations are deleted (the seat counts stay, without names).</summary>
    public int RetentionMonths { get; set; } = 6;

    /// <summary>Hours an unconfirmed registration waits for its confirmation link to be followed.</summary>
    public int ConfirmationHours { get; set; } = 48;

    /// <summary>Days before a session when confirmed registrants get their reminder.</summary>
    public int ReminderDays { get; set; } = 2;

    /// <summary>The most seats one registration may ask for.</summary>
    public int MaxSeats { get; set; } = 5;
}
