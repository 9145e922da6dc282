namespace Portal.Events.Models;

/// <summary>What a visitor narrows the agenda to: term slugs of the shared vocabularies, and a place (a commune, or online).</summary>
public sealed record AgendaFilter(string? Domain = null, string? Audience = null, string? Accessibility = null, string? Language = null, string? Place = null)
{
    /// <summary>The value of <see cref="Place"/> for events that take place online.</summary>
    public const string OnlinePlace = "online";

    public bool IsEmpty => Domain is null && Audience is null && Accessibility is null && Language is null && Place is null;

    public bool Matches(EventDetails e) =>
        (Domain is null || e.Domains.Contains(Domain))
        && (Audience is null || e.Audiences.Contains(Audience))
        && (Accessibility is null || e.Accessibility.Contains(Accessibility))
        && (Language is null || e.Languages.Contains(Language))
        && (Place is null || (Place == OnlinePlace ? e.Online : !e.Online && string.Equals(e.Commune, Place, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The filter as a query string ("?domain=sport&amp;place=Metz"), empty when there is none.</summary>
    public string Query(params (string Name, string? Value)[] extra)
    {
        var pairs = new (string Name, string? Value)[] { ("domain", Domain), ("audience", Audience), ("accessibility", Accessibility), ("language", Language), ("place", Place) }
            .Concat(extra).Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return pairs.Count == 0 ? "" : "?" + string.Join("&", pairs);
    }
}

/// <summary>One line of the agenda: a session of an event.</summary>
public sealed record AgendaEntry(EventDetails Event, EventSession Session);
