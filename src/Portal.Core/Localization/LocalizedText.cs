using System.Text.Json.Serialization;

namespace Portal.Core.Localization;

/// <summary>
/// A label in several cultures (culture code → text), as definitions, settings, vocabularies and import mappings store it.
/// Read with <see cref="For(string, Cultures)"/>: the requested culture, then the catalogue's default one, then a text
/// that names no culture (a bare string of the old shape), then any. Its JSON is either a bare string or
/// <c>{ "fr": "…", "de": "…" }</c>.
/// </summary>
[JsonConverter(typeof(LocalizedTextJsonConverter))]
public sealed class LocalizedText : IEquatable<LocalizedText>
{
    /// <summary>The key of a text given without a culture (a bare string): it stands for the default culture's.</summary>
    public const string Unspecified = "";

    public static readonly LocalizedText Empty = new([]);

    private readonly KeyValuePair<string, string>[] _entries;

    public LocalizedText(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var kept = new List<KeyValuePair<string, string>>();
        foreach (var (culture, text) in entries)
        {
            kept.RemoveAll(e => string.Equals(e.Key, culture, StringComparison.OrdinalIgnoreCase));
            if (!string.IsNullOrEmpty(text)) kept.Add(new(culture, text));
        }
        _entries = [.. kept];
    }

    /// <summary>A text that names no culture.</summary>
    public static LocalizedText Of(string? text) => new([new(Unspecified, text ?? "")]);

    public static implicit operator LocalizedText(string? text) => Of(text);

    /// <summary>Culture → text, in the order written.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Entries => _entries;

    /// <summary>Every text, whatever its culture (e.g. to recognise a label in an imported file).</summary>
    public IEnumerable<string> Texts => _entries.Select(e => e.Value);

    public bool IsEmpty => _entries.Length == 0;

    /// <summary>The text stored for exactly this culture, or null.</summary>
    public string? this[string culture] =>
        _entries.FirstOrDefault(e => string.Equals(e.Key, culture, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The text to show in <paramref name="culture"/>: that culture's, the default culture's, the unspecified one, any; "" if none.</summary>
    public string For(string culture, string defaultCulture) =>
        this[culture] ?? this[defaultCulture] ?? this[Unspecified] ?? _entries.FirstOrDefault().Value ?? "";

    public string For(string culture, Cultures cultures) => For(culture, cultures.Default);

    /// <summary>As <see cref="For(string, Cultures)"/>, null when there is no text at all.</summary>
    public string? ForOrNull(string culture, Cultures cultures) => IsEmpty ? null : For(culture, cultures);

    /// <summary>What an editor's input for <paramref name="culture"/> shows: its own text; for the default culture, the unspecified one too.</summary>
    public string? InputFor(string culture, Cultures cultures) =>
        this[culture] ?? (string.Equals(culture, cultures.Default, StringComparison.OrdinalIgnoreCase) ? this[Unspecified] : null);

    /// <summary>A copy with the text of <paramref name="culture"/> set (or removed when empty).</summary>
    public LocalizedText With(string culture, string? text) => new([.. _entries, new(culture, text ?? "")]);

    /// <summary>A copy holding one input per culture of the catalogue, as an editor posts them (the unspecified text is dropped).</summary>
    public static LocalizedText FromInputs(Cultures cultures, Func<string, string?> input) =>
        new(cultures.Supported.Select(c => new KeyValuePair<string, string>(c, input(c)?.Trim() ?? "")));

    /// <summary>A copy with <paramref name="text"/> for <paramref name="culture"/> unless a text is already stored for it.</summary>
    public LocalizedText WithFallback(string culture, string? text) => string.IsNullOrEmpty(text) || this[culture] is not null ? this : With(culture, text);

    public bool Equals(LocalizedText? other) => other is not null && _entries.SequenceEqual(other._entries);

    public override bool Equals(object? obj) => Equals(obj as LocalizedText);

    public override int GetHashCode() => _entries.Aggregate(0, (hash, e) => HashCode.Combine(hash, e.Key, e.Value));

    public override string ToString() => this[Unspecified] ?? _entries.FirstOrDefault().Value ?? "";
}
