using System.Globalization;
using System.Text;

namespace Portal.Search.Engine;

/// <summary>
/// The last answers of an index, kept for the state of the index that gave them: the same query asked again (a
/// facet browsed by many visitors, a campaign's link) is answered from memory instead of visiting every match. The
/// first answer for a newer state of the index drops them all, so nothing older than the index is ever served; at most
/// <paramref name="capacity"/> answers are kept, the oldest going first.
/// </summary>
internal sealed class AnswerCache<T>(int capacity) where T : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<AnswerKey, T> _kept = [];
    private readonly Queue<AnswerKey> _order = new();
    private long _version = long.MinValue;

    /// <param name="version">The state of the index the answer is computed on (a reader's version: it only grows); a negative one is unknown, and its answer is not kept.</param>
    public T GetOrAdd(long version, AnswerKey key, Func<T> compute)
    {
        if (version < 0) return compute();
        lock (_gate)
        {
            if (_version == version && _kept.TryGetValue(key, out var kept)) return kept;
        }
        var value = compute();
        lock (_gate)
        {
            if (version > _version)
            {
                _kept.Clear();
                _order.Clear();
                _version = version;
            }
            // An answer computed on an older state than the newest seen is given, never kept.
            if (version == _version && _kept.TryAdd(key, value))
            {
                _order.Enqueue(key);
                if (_order.Count > capacity) _kept.Remove(_order.Dequeue());
            }
        }
        return value;
    }
}

/// <summary>
/// What makes two queries the same question: their text, filters, area, order, page and facets written in one
/// canonical string (filters and their values sorted), and the synonym table they apply (the same table object for as
/// long as the synonyms are unchanged).
/// </summary>
internal readonly record struct AnswerKey(string Text, SynonymTable? Synonyms)
{
    public static AnswerKey Of(SearchQuery query, string kind, params ReadOnlySpan<int> extra)
    {
        var key = new StringBuilder(64).Append(kind);
        foreach (var value in extra) key.Append('\u001e').Append(value.ToString(CultureInfo.InvariantCulture));
        key.Append('\u001e').Append(query.Text)
            .Append('\u001e').Append((int)query.Sort)
            .Append('\u001e').Append(query.Page.ToString(CultureInfo.InvariantCulture))
            .Append('\u001e').Append(query.PageSize.ToString(CultureInfo.InvariantCulture))
            .Append('\u001e').Append(query.FuzzyRetry ? '1' : '0').Append(query.PrefixLastWord ? '1' : '0');
        key.Append('\u001e');
        foreach (var facet in query.Facets) key.Append(facet).Append('\u001f');
        foreach (var (facet, values) in query.Filters.Where(f => f.Value.Count > 0).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            key.Append('\u001e').Append(facet);
            foreach (var value in values.Order(StringComparer.Ordinal)) key.Append('\u001f').Append(value);
        }
        if (query.Box is { } box) key.Append("\u001eb").Append(Number(box.MinLon)).Append(',').Append(Number(box.MinLat)).Append(',').Append(Number(box.MaxLon)).Append(',').Append(Number(box.MaxLat));
        if (query.Near is { } near) key.Append("\u001en").Append(Number(near.Latitude)).Append(',').Append(Number(near.Longitude)).Append(',').Append(Number(near.RadiusKm));
        return new AnswerKey(key.ToString(), query.Synonyms);
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public bool Equals(AnswerKey other) => ReferenceEquals(Synonyms, other.Synonyms) && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Text), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Synonyms));
}
