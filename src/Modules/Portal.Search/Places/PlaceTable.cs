using System.Text;
using Portal.Search.Engine;

namespace Portal.Search.Places;

/// <summary>
/// The gazetteer's places indexed by their folded names (lower case, no accents, words only: "Montigny-lès-Metz" is
/// "montigny les metz"), postcodes and codes. Immutable once built; safe to share between requests.
/// </summary>
public sealed class PlaceTable
{
    /// <summary>A name of one word shorter than this is never recognised among search words ("Ay", "Vry"…).</summary>
    public const int MinRecognisedLength = 4;
    private const int MaxNameWords = 6;

    private readonly Dictionary<string, List<Entry>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _byCode = new(StringComparer.Ordinal);
    private readonly Entry[] _sorted;

    private sealed record Entry(string Key, string Name, Place Place, bool IsPostcode);

    public IReadOnlyList<Place> Places { get; }
    public int NameCount { get; }
    public int PostcodeCount { get; }

    public PlaceTable(IEnumerable<Place> places)
    {
        var unique = new Dictionary<string, Place>(StringComparer.Ordinal);
        foreach (var place in places) unique.TryAdd(place.Key, place);
        Places = unique.Values.ToList();
        var sorted = new List<Entry>();
        var names = 0;
        var postcodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var place in Places)
        {
            foreach (var name in place.Labels.Values.Concat(place.Names).Concat(place.Labels.Values.Select(WithoutParentheses)).Distinct(StringComparer.Ordinal))
            {
                var key = Normalize(name);
                if (key.Length == 0 || !Add(_byName, key, new Entry(key, name, place, false))) continue;
                names++;
                sorted.Add(new Entry(key, name, place, false));
            }
            foreach (var postcode in place.Postcodes)
            {
                var key = Normalize(postcode);
                if (key.Length == 0 || !Add(_byCode, key, new Entry(key, postcode, place, true))) continue;
                postcodes.Add(key);
                sorted.Add(new Entry(key, postcode, place, true));
            }
            foreach (var code in place.Codes)
                if (Normalize(code) is { Length: > 0 } key) Add(_byCode, key, new Entry(key, code, place, false));
        }
        NameCount = names;
        PostcodeCount = postcodes.Count;
        _sorted = sorted.OrderBy(e => e.Key, StringComparer.Ordinal).ToArray();
    }

    private static bool Add(Dictionary<string, List<Entry>> index, string key, Entry entry)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        if (list.Any(e => e.Place.Key == entry.Place.Key)) return false;
        list.Add(entry);
        return true;
    }

    /// <summary>"Luxembourg (Grand-Duché)" is also "Luxembourg"; "Moselle (57)" also "Moselle".</summary>
    private static string WithoutParentheses(string label)
    {
        var open = label.IndexOf('(');
        return open > 0 ? label[..open].Trim() : label;
    }

    /// <summary>Folded words joined by one space: case, accents, hyphens, apostrophes and dots do not count.</summary>
    public static string Normalize(string text) => string.Join(' ', TextFolding.Words(TextFolding.Fold(text)));

    public Place? Find(string text, string culture)
    {
        var key = Normalize(text);
        if (key.Length == 0) return null;
        var candidates = _byName.GetValueOrDefault(key) ?? _byCode.GetValueOrDefault(key);
        return candidates is null ? null : Best(candidates, culture).Place;
    }

    /// <summary>
    /// The longest run of words that names a place (outside quotes and not excluded with a minus), the earliest when
    /// two are as long; a postcode counts as a name. The remaining text keeps everything else as typed.
    /// </summary>
    public PlaceMatch? Recognise(string text, string culture)
    {
        var tokens = Tokens(text);
        (int Start, int Length, Entry Entry)? best = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var key = new StringBuilder();
            for (var length = 1; length <= MaxNameWords && i + length <= tokens.Count; length++)
            {
                var token = tokens[i + length - 1];
                if (token.Blocked || (length > 1 && !Adjacent(text, tokens[i + length - 2], token))) break;
                if (length > 1) key.Append(' ');
                key.Append(token.Folded);
                var k = key.ToString();
                List<Entry>? found = null;
                if (length > 1 || k.Length >= MinRecognisedLength) found = _byName.GetValueOrDefault(k);
                if (found is null && length == 1 && k.Length == 5 && k.All(char.IsAsciiDigit))
                    found = _byCode.GetValueOrDefault(k)?.Where(e => e.IsPostcode).ToList() is { Count: > 0 } postcodes ? postcodes : null;
                if (found is not null && (best is null || length > best.Value.Length)) best = (i, length, Best(found, culture));
            }
        }
        if (best is not { } match) return null;
        var start = tokens[match.Start].Start;
        var end = tokens[match.Start + match.Length - 1].End;
        var remaining = (text[..start] + " " + text[end..]).Trim();
        remaining = string.Join(' ', remaining.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return new PlaceMatch(match.Entry.Place, text[start..end], remaining);
    }

    /// <summary>Two words of one name are separated only by spaces, hyphens, apostrophes or dots (not a comma).</summary>
    private static bool Adjacent(string text, Token a, Token b) => text[a.End..b.Start].All(c => c is ' ' or '-' or '\'' or '’' or '.' or '‐');

    private readonly record struct Token(int Start, int End, string Folded, bool Blocked);

    private static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        var quoted = false;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0)
            {
                var excluded = start > 0 && text[start - 1] == '-' && (start == 1 || char.IsWhiteSpace(text[start - 2]));
                tokens.Add(new Token(start, i, TextFolding.Fold(text[start..i]), quoted || excluded));
                start = -1;
            }
            if (c == '"') quoted = !quoted;
        }
        return tokens;
    }

    /// <summary>Places whose name or postcode starts with the prefix: communes first, then exact names, shorter names, alphabetically.</summary>
    public IReadOnlyList<PlaceSuggestion> Suggest(string prefix, string culture, int max)
    {
        var key = Normalize(prefix);
        if (key.Length == 0 || max <= 0) return [];
        var first = LowerBound(key);
        var matches = new List<Entry>();
        for (var i = first; i < _sorted.Length && _sorted[i].Key.StartsWith(key, StringComparison.Ordinal); i++) matches.Add(_sorted[i]);
        return matches
            .OrderBy(e => e.Place.Kind == PlaceKind.Commune ? 0 : 1)
            .ThenBy(e => e.Key == key ? 0 : 1)
            .ThenBy(e => LabelIn(e, culture) ? 0 : 1)
            .ThenBy(e => e.Key.Length)
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .DistinctBy(e => e.Place.Key)
            .Take(max)
            .Select(e => new PlaceSuggestion(e.Name, e.IsPostcode ? PlaceKind.Postcode : e.Place.Kind,
                e.IsPostcode ? e.Name + " " + e.Place.LabelFor(culture) : e.Place.LabelFor(culture), e.Place.Latitude, e.Place.Longitude, e.Place.Key))
            .ToList();
    }

    private int LowerBound(string key)
    {
        int lo = 0, hi = _sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (string.CompareOrdinal(_sorted[mid].Key, key) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static bool LabelIn(Entry entry, string culture) => entry.Place.Labels.TryGetValue(culture, out var label) && Normalize(label) == entry.Key;

    /// <summary>Among places sharing a name: communes before territories, the culture's own name before an exonym, places with a filter first.</summary>
    private static Entry Best(List<Entry> candidates, string culture) => candidates
        .OrderBy(e => e.Place.Kind == PlaceKind.Commune ? 0 : 1)
        .ThenBy(e => LabelIn(e, culture) ? 0 : 1)
        .ThenBy(e => e.Place.Filter is null ? 1 : 0)
        .First();
}
