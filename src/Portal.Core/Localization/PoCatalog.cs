using System.Reflection;
using System.Text;

namespace Portal.Core.Localization;

/// <summary>
/// The interface translations, read from the gettext PO files that each module embeds as
/// Portal.Localization.{culture}.po. Keys are msgid, or msgctxt + U+0004 + msgid, as gettext does.
/// </summary>
public sealed partial class PoCatalog
{
    private readonly Dictionary<string, bool> _zeroIsSingular = new(StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, Dictionary<string, string[]>> _byCulture = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Cultures => _byCulture.Keys;

    public static PoCatalog FromAssemblies(IEnumerable<Assembly> assemblies)
    {
        var catalog = new PoCatalog();
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Portal.Localization.", StringComparison.Ordinal) && n.EndsWith(".po", StringComparison.Ordinal)))
            {
                var culture = resource["Portal.Localization.".Length..^".po".Length];
                using var stream = assembly.GetManifestResourceStream(resource)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                catalog.AddFile(culture, reader.ReadToEnd());
            }
        }
        return catalog;
    }

    /// <summary>Adds a PO file's entries, and its plural rule from the header's Plural-Forms.</summary>
    public void AddFile(string culture, string text)
    {
        if (PluralRule().Match(text) is { Success: true } rule) _zeroIsSingular[culture] = rule.Groups[1].Value.Replace(" ", "") == "n>1";
        Add(culture, PoParser.Parse(text));
    }

    /// <summary>Whether 0 takes the singular in <paramref name="culture"/> (<c>plural=(n > 1)</c>, as in French); by default, as in English and German, it does not.</summary>
    public bool ZeroIsSingular(string culture) => _zeroIsSingular.TryGetValue(culture, out var zero) && zero;

    [System.Text.RegularExpressions.GeneratedRegex(@"Plural-Forms:[^\n""]*plural=\(?([^;\)\\]*)")]
    private static partial System.Text.RegularExpressions.Regex PluralRule();

    public void Add(string culture, IEnumerable<PoEntry> entries)
    {
        if (!_byCulture.TryGetValue(culture, out var map)) _byCulture[culture] = map = new(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.Translations.Any(t => t.Length > 0)))
            map[entry.Key] = entry.Translations;
    }

    public string[]? Find(string culture, string msgid, string? context = null) =>
        _byCulture.TryGetValue(culture, out var map) && map.TryGetValue(PoEntry.KeyOf(msgid, context), out var t) ? t : null;

    public bool Contains(string culture, string msgid, string? context = null) => Find(culture, msgid, context) is not null;
}
