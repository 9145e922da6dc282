namespace Portal.Search.Suggestions;

/// <summary>What a suggestion completes: an entry's title, a topic (a taxonomy term) or a place.</summary>
public enum SuggestionKind { Entry, Topic, Place }

/// <summary>
/// A completion of what a visitor is typing. <paramref name="Url"/> is where choosing it leads (the entry, or the
/// search filtered by the term); <paramref name="Latitude"/> and <paramref name="Longitude"/> are a place's centre when known.
/// </summary>
public sealed record SuggestionItem(SuggestionKind Kind, string Text, string? Detail, string Url, int Count,
    string? Value = null, double? Latitude = null, double? Longitude = null);
