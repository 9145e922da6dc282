namespace Portal.Taxonomies.Models;

/// <summary>A controlled list of terms (disability types, audiences, territories…), stored as one content item.</summary>
public sealed class Vocabulary
{
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? DisplayNameDe { get; set; }
    public string? Description { get; set; }
    public string? Source { get; set; }
    public List<Term> Terms { get; set; } = [];

    public string DisplayNameFor(string culture) => culture == "de" && !string.IsNullOrEmpty(DisplayNameDe) ? DisplayNameDe : DisplayName;

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
}

public sealed class Term
{
    /// <summary>Stable identifier, used in content, URLs and facet filters; never translated.</summary>
    public string Slug { get; set; } = "";
    public string Fr { get; set; } = "";
    public string De { get; set; } = "";
    public string? Parent { get; set; }
    /// <summary>Codes in other nomenclatures: "data-inclusion", "finess", "insee", "nuts"…</summary>
    public Dictionary<string, string> Codes { get; set; } = [];
    /// <summary>A point for the term, e.g. a commune's centroid.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    public string LabelFor(string culture) => culture == "de" && !string.IsNullOrEmpty(De) ? De : Fr;
}
