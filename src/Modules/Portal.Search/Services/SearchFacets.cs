namespace Portal.Search.Services;

/// <summary>What is indexed and which fields feed which facet. Bound from <c>Portal:Search</c>; these are the defaults.</summary>
public sealed class SearchOptions
{
    public List<string> IndexedTypes { get; set; } = ["Actor", "Action", "AidantSupport", "Page", "News"];

    /// <summary>The date field shown as "last verified" and used by sort=updated (any part).</summary>
    public string VerifiedField { get; set; } = "LastVerified";

    /// <summary>Facet name → the taxonomy fields (by field name, in any part) whose terms it holds.</summary>
    public List<FacetDefinition> Facets { get; set; } =
    [
        new() { Name = "domain", Vocabulary = "domains", Fields = ["Domains"], WithAncestors = true },
        new() { Name = "disability", Vocabulary = "disability-types", Fields = ["DisabilityTypes"] },
        new() { Name = "audience", Vocabulary = "audiences", Fields = ["Audiences"] },
        new() { Name = "supportType", Vocabulary = "support-types", Fields = ["SupportTypes"] },
        new() { Name = "typology", Vocabulary = "structure-types", Fields = ["Typology"], WithAncestors = true },
        new() { Name = "fees", Vocabulary = "fees", Fields = ["Fees"] },
        new() { Name = "mode", Vocabulary = "reception-modes", Fields = ["ReceptionModes"] },
        new() { Name = "language", Vocabulary = "languages", Fields = ["Languages"] },
        // The places: communes are the vocabulary's leaves, territories the départements and regions above them.
        new() { Name = "territory", Vocabulary = "territories", Fields = ["Territory", "EligibilityZone"], Places = PlaceLevel.Areas },
        new() { Name = "commune", Vocabulary = "territories", Fields = ["Territory", "EligibilityZone"], Places = PlaceLevel.Communes },
    ];

    /// <summary>Every facet's name, "type" first.</summary>
    public IReadOnlyList<string> FacetNames => [Engine.LuceneSearchIndex.TypeFacet, .. Facets.Select(f => f.Name)];
}

public sealed class FacetDefinition
{
    public string Name { get; set; } = "";
    public string Vocabulary { get; set; } = "";
    public List<string> Fields { get; set; } = [];
    /// <summary>An item tagged "sport adapté" is also found under its parent "sport".</summary>
    public bool WithAncestors { get; set; }
    public PlaceLevel Places { get; set; } = PlaceLevel.None;
}

public enum PlaceLevel { None, Communes, Areas }
