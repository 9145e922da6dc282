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

    /// <summary>Where the organiser's forms post: {ActionsUrl}/add, /remove/{registration}, /message.</summary>
    public string? ActionsUrl { get; init; }
    public string? XlsxUrl { get; init; }
    public IReadOnlyList<EventSession> OpenSessions { get; init; } = [];
    public IReadOnlyList<(string Code, string Name)> Languages { get; init; } = [];
    public IReadOnlyList<(string Slug, string Label)> NeedOptions { get; init; } = [];
    public int MaxSeats { get; init; } = 1;
    public OrganiserAddForm? Add { get; init; }
    public OrganiserMessageForm? Message { get; init; }
    public string? Notice { get; init; }
}

/// <summary>The partner's events, each with a link to its registrants.</summary>
public sealed record OrganiserEventsViewModel(IReadOnlyList<(EventDetails Event, int Confirmed, int Waiting)> Events, string BasePath);

/// <summary>The organiser's "add a registrant" form: what was typed, the registrant's language and the errors.</summary>
public sealed record OrganiserAddForm
{
    public required RegistrationForm Form { get; init; }
    public required string Culture { get; init; }
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
}

/// <summary>The organiser's message to the registrants of a session (-1: every session).</summary>
public sealed record OrganiserMessageForm
{
    public int Session { get; init; } = -1;
    public string Subject { get; init; } = "";
    public string Body { get; init; } = "";
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
}
