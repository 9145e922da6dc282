using Portal.Core.Content;

namespace Portal.Events.Models;

/// <summary>A published event as the public pages, the agenda and the calendar files read it. Holds no private field (the online link).</summary>
public sealed class EventDetails
{
    public required ContentItem Item { get; init; }
    /// <summary>The culture the event is shown in (its own, or the page's for an item of every culture).</summary>
    public required string Culture { get; init; }
    public string Title => Item.DisplayText;
    /// <summary>/fr/agenda/…: relative, the caller prefixes the public URL.</summary>
    public required string Url { get; init; }
    public string? Summary { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<EventSession> Sessions { get; init; }
    public required string Status { get; init; }
    public bool Online { get; init; }
    public string? Street { get; init; }
    public string? Postcode { get; init; }
    public string? Commune { get; init; }
    public string? Country { get; init; }
    public (double Latitude, double Longitude)? Point { get; init; }
    public string? OrganiserId { get; init; }
    public IReadOnlyList<string> Domains { get; init; } = [];
    public IReadOnlyList<string> Audiences { get; init; } = [];
    public IReadOnlyList<string> Accessibility { get; init; } = [];
    public IReadOnlyList<string> Languages { get; init; } = [];
    public decimal? Price { get; init; }
    public string? PriceDetails { get; init; }
    public int? Capacity { get; init; }
    public DateTime? RegistrationOpens { get; init; }
    public DateTime? RegistrationCloses { get; init; }
    public string? Report { get; init; }
    public bool Sample { get; init; }

    public bool Cancelled => Status == EventStatuses.Cancelled;

    /// <summary>"12 rue …, 57000 Metz", or null when the event has no address.</summary>
    public string? Address =>
        string.Join(", ", new[] { Street, string.Join(' ', new[] { Postcode, Commune }.Where(s => s is not null)) }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } text ? text : null;

    public DateTime? FirstStart => Sessions.Count == 0 ? null : Sessions[0].Start;
    public DateTime? LastEnd => Sessions.Count == 0 ? null : Sessions.Max(s => s.End);
}
