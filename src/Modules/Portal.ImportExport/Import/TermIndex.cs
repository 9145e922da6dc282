using Portal.Taxonomies.Models;

namespace Portal.ImportExport.Import;

/// <summary>
/// The terms of one vocabulary by slug, normalised label, normalised slug and code, built once per import: a cell is
/// found in a dictionary instead of normalising every label of the vocabulary (the territories have hundreds) for
/// every row. Each lookup gives what a scan of the terms in their order would: the first term that fits.
/// </summary>
internal sealed class TermIndex
{
    private const string Insee = "insee";
    private readonly Dictionary<string, Term> _bySlug = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Term> _byLabel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Term> _byNormalizedSlug = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Term>> _byCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Term> _byInsee = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Term>> _communesByLabel = new(StringComparer.Ordinal);

    public TermIndex(Vocabulary vocabulary)
    {
        foreach (var term in vocabulary.Terms)
        {
            _bySlug.TryAdd(term.Slug, term);
            _byNormalizedSlug.TryAdd(ImportTargets.Normalize(term.Slug), term);
            var labels = term.Label.Texts.Select(ImportTargets.Normalize).Distinct(StringComparer.Ordinal).ToList();
            foreach (var label in labels) _byLabel.TryAdd(label, term);
            foreach (var code in term.Codes.Values) Add(_byCode, code, term);
            if (term.Codes.TryGetValue(Insee, out var insee))
            {
                _byInsee.TryAdd(insee, term);
                foreach (var label in labels) Add(_communesByLabel, label, term);
            }
        }
    }

    private static void Add(Dictionary<string, List<Term>> index, string key, Term term)
    {
        if (!index.TryGetValue(key, out var terms)) index[key] = terms = [];
        if (!terms.Contains(term)) terms.Add(term);
    }

    /// <summary>The term a cell names: its slug, one of its labels, its slug written loosely, or a code only it has.</summary>
    public Term? Find(string text)
    {
        var trimmed = text.Trim();
        var normalized = ImportTargets.Normalize(trimmed);
        if (normalized.Length == 0) return null;
        return _bySlug.GetValueOrDefault(trimmed)
            ?? _byLabel.GetValueOrDefault(normalized)
            ?? _byNormalizedSlug.GetValueOrDefault(normalized)
            ?? (_byCode.GetValueOrDefault(trimmed) is [var only] ? only : null);
    }

    public Term? BySlug(string slug) => _bySlug.GetValueOrDefault(slug);

    /// <summary>The term with this INSEE code (a commune).</summary>
    public Term? ByInsee(string insee) => _byInsee.GetValueOrDefault(insee);

    /// <summary>The one commune (a term with an INSEE code) with this label once normalised; none when several have it.</summary>
    public Term? CommuneNamed(string normalizedLabel) => _communesByLabel.GetValueOrDefault(normalizedLabel) is [var only] ? only : null;
}
