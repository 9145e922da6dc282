using Portal.Events.Data;
using Portal.Events.Models;

namespace Portal.Events.ViewModels;

/// <summary>The registration block of an event page: the form (with what was typed and the errors) or why it is closed.</summary>
public sealed class RegistrationPanelViewModel
{
    public required EventDetails Event { get; init; }
    public required string Action { get; init; }
    public required RegistrationWindow.State State { get; init; }
    public required IReadOnlyList<EventSession> OpenSessions { get; init; }
    public required RegistrationForm Form { get; init; }
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
    public required IReadOnlyList<(string Slug, string Label)> NeedOptions { get; init; }
    public required IReadOnlyDictionary<int, (int Taken, int Waiting)> Counts { get; init; }
    public int MaxSeats { get; init; }

    public string? Error(string field) => Errors.GetValueOrDefault(field);
    public string? Invalid(string field) => Errors.ContainsKey(field) ? "true" : null;
    public string? Described(string field, string? hint = null) =>
        string.Join(' ', new[] { hint, Errors.ContainsKey(field) ? $"reg-{field}-error" : null }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}

/// <summary>After the form: the confirmation link was sent.</summary>
public sealed record RegistrationSentViewModel(EventDetails Event, string Email);

/// <summary>A registrant's own page, reached from the link in the mails: its state, and buttons to confirm or cancel.</summary>
public sealed record RegistrationPageViewModel(Registration Registration, EventDetails? Event, string Action, string? OnlineLink, string? Message);
