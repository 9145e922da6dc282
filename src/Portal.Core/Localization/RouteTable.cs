namespace Portal.Core.Localization;

/// <summary>
/// A module's public address segments per culture, as data: <c>search</c> → <c>recherche</c> (fr), <c>suche</c> (de).
/// Each module declares one table and registers it with <c>AddRouteTable</c>; routes match it with
/// <c>{segment:localized(search)}</c>. A culture without its own segment uses the default culture's one, which each
/// entry declares first.
/// </summary>
public sealed class RouteTable
{
    private readonly Dictionary<string, List<(string Culture, string Segment)>> _entries = new(StringComparer.Ordinal);

    public IEnumerable<string> Keys => _entries.Keys;

    /// <summary>Declares <paramref name="key"/>'s segments, the default culture's first.</summary>
    public RouteTable Add(string key, params (string Culture, string Segment)[] segments)
    {
        if (segments.Length == 0) throw new ArgumentException("A route needs at least its default culture's segment.", nameof(segments));
        _entries.Add(key, [.. segments]);
        return this;
    }

    public bool Contains(string key) => _entries.ContainsKey(key);

    /// <summary>The segment of <paramref name="key"/> in <paramref name="culture"/>, or the default culture's.</summary>
    public string Segment(string key, string culture)
    {
        var segments = _entries[key];
        foreach (var (c, s) in segments) if (string.Equals(c, culture, StringComparison.OrdinalIgnoreCase)) return s;
        return segments[0].Segment;
    }

    /// <summary>/{culture}/{segment}.</summary>
    public string Path(string key, string culture) => $"/{culture}/{Segment(key, culture)}";

    /// <summary>Whether <paramref name="segment"/> is <paramref name="key"/>'s segment in any culture.</summary>
    public bool Matches(string key, string segment) =>
        _entries.TryGetValue(key, out var segments) && segments.Any(s => string.Equals(s.Segment, segment, StringComparison.OrdinalIgnoreCase));

    /// <summary>The key whose segment (in any culture) is <paramref name="segment"/>.</summary>
    public string? KeyOf(string segment) => _entries.Keys.FirstOrDefault(k => Matches(k, segment));
}

/// <summary>Looks a route up in every module's table, for a module that links to a page it does not own.</summary>
public static class RouteTables
{
    /// <summary>/{culture}/{segment} of <paramref name="key"/>, or null when no module declares it.</summary>
    public static string? PathOf(this IEnumerable<RouteTable> tables, string key, string culture) =>
        tables.FirstOrDefault(t => t.Contains(key))?.Path(key, culture);
}
