using Portal.Events.Data;
using Portal.Events.Models;

namespace Portal.Events.ViewModels;

/// <summary>An event's registrants per session, with the needs they gave, for the organiser.</summary>
public sealed record RegistrantsViewModel(EventDetails Event, IReadOnlyList<Registration> Registrations, string CsvUrl, string BackUrl, string BackLabel);

/// <summary>The partner's events, each with a link to its registrants.</summary>
public sealed record OrganiserEventsViewModel(IReadOnlyList<(EventDetails Event, int Confirmed, int Waiting)> Events, string BasePath);
