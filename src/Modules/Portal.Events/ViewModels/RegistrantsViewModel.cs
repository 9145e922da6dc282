using Portal.Events.Data;
using Portal.Events.Models;

namespace Portal.Events.ViewModels;

/// <summary>An event's registrants per session, with the needs they gave, for the organiser.</summary>
public sealed record RegistrantsViewModel(EventDetails Event, IReadOnlyList<Registration> Registrations, string CsvUrl, string BackUrl, string BackLabel)
{
    /// <summary>Where the "close registration" button posts.</summary>
    public string? CloseUrl { get; init; }

    /// <summary>Whether registration is open now (the button is shown) or closed (said so).</summary>
    public RegistrationWindow.State Registration { get; init; } = RegistrationWindow.State.NoRegistration;
}

/// <summary>The partner's events, each with a link to its registrants.</summary>
public sealed record OrganiserEventsViewModel(IReadOnlyList<(EventDetails Event, int Confirmed, int Waiting)> Events, string BasePath);
