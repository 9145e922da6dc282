using System.Text.Json.Serialization;
using Portal.Core.Localization;

namespace Portal.Taxonomies.Models;

/// <summary>A controlled list of terms (disability types, audiences, territories…), stored as one content item.</summary>
public sealed class Vocabulary : IJsonOnDeserialized
{
    public string Name { get; set; } = "";
    public LocalizedText DisplayName { get; set; } = LocalizedText.Empty;
    public string? Description { get; set; }
    public string? Source { get; set; }
    public List<Term> Terms { get; set; } = [];

    public string DisplayNameFor(string culture, Cultures cultures) => DisplayName.For(culture, cultures);

    public Term? Find(string slug) => Terms.FirstOrDefault(t => t.Slug == slug);

    /// <summary>The terms in tree order (each parent followed by its children), with their depth.</summary>
    public IEnumerable<(Term Term, int Depth)> Tree()
    {
        var children = Terms.ToLookup(t => string.IsNullOrEmpty(t.Parent) ? "" : t.Parent);
        IEnumerable<(Term, int)> Walk(string parent, int depth)
        {
            foreach (var term in children[parent])
            {
                yield return (term, depth);
                foreach (var child in Walk(term.Slug, depth + 1)) yield return child;
            }
        }
        return Walk("", 0);
    }

    /// <summary>The old shape's German sibling, read only.</summary>
    [JsonInclude, JsonPropertyName("DisplayNameDe")]
    private string? LegacyDisplayNameDe { get => null; set => _legacyDisplayNameDe = value; }
    private string? _legacyDisplayNameDe;

    void IJsonOnDeserialized.OnDeserialized() => DisplayName = LegacyLabels.Pair(DisplayName, _legacyDisplayNameDe);
}

public sealed class Term : IJsonOnDeserialized
{
    /// <summary>Stable identifier, used in content, URLs and facet filters; never translated.</summary>
    public string Slug { get; set; } = "";
    /// <summary>The term's name in each culture.</summary>
    public LocalizedText Label { get; set; } = LocalizedText.Empty;
    public string? Parent { get; set; }
    /// <summary>A short definition per culture, for vocabularies read as a glossary.</summary>
    public LocalizedText Definition { get; set; } = LocalizedText.Empty;
    /// <summary>Codes in other nomenclatures: "data-inclusion", "finess", "insee", "nuts"…</summary>
    public Dictionary<string, string> Codes { get; set; } = [];
    /// <summary>A point for the term, e.g. a commune's centroid.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    public string LabelFor(string culture, Cultures cultures) => Label.For(culture, cultures);

    /// <summary>The label in the site's default culture (a commune's official name, say).</summary>
    public string DefaultLabel(Cultures cultures) => Label.For(cultures.Default, cultures);

    // The old shape: { "Fr": "…", "De": "…" }, read only.
    [JsonInclude, JsonPropertyName("Fr")]
    private string? LegacyFr { get => null; set => _legacyFr = value; }
    [JsonInclude, JsonPropertyName("De")]
    private string? LegacyDe { get => null; set => _legacyDe = value; }
    private string? _legacyFr, _legacyDe;

    void IJsonOnDeserialized.OnDeserialized() =>
        Label = Label.WithFallback(LegacyLabels.FrenchTerm, _legacyFr).WithFallback(LegacyLabels.GermanSibling, _legacyDe);
}
