namespace Portal.Events.Models;

/// <summary>Whether people can register for an event now, and for which sessions.</summary>
public static class RegistrationWindow
{
    public enum State { Open, NoRegistration, NotYetOpen, Closed, Cancelled, Over }

    public static State StateOf(EventDetails e, DateTime nowLocal)
    {
        if (e.Capacity is null or <= 0) return State.NoRegistration;
        if (e.Status is EventStatuses.Cancelled or EventStatuses.Postponed) return State.Cancelled;
        if (OpenSessions(e, nowLocal).Count == 0) return State.Over;
        if (e.RegistrationOpens is { } opens && nowLocal < opens) return State.NotYetOpen;
        if (e.RegistrationCloses is { } closes && nowLocal >= closes) return State.Closed;
        return State.Open;
    }

    /// <summary>The sessions that have not started.</summary>
    public static IReadOnlyList<EventSession> OpenSessions(EventDetails e, DateTime nowLocal) => e.Sessions.Where(s => s.Start > nowLocal).ToList();
}
