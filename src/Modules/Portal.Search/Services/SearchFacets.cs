namespace Portal.Search.Services;

/// <summary>
/// What is indexed, which fields feed which facet and what a hit carries besides its title. Empty here: the modules
/// that own the types declare them (<c>services.Configure&lt;SearchOptions&gt;</c>); <c>Portal:Search</c> can add to them.
/// </summary>
public sealed class SearchOptions
{
    /// <summary>The content types that are searched, in the order their names are listed in messages.</summary>
    public List<string> IndexedTypes { get; set; } = [];

    /// <summary>
    /// Whether each culture's index keeps its last answers until it changes (Portal:Search:KeepAnswers, true by
    /// default). False answers every question anew: for measuring the cost of questions never asked before.
    /// </summary>
    public bool KeepAnswers { get; set; } = true;

    /// <summary>The date field shown as "last verified" and used by sort=updated (any part); none when null.</summary>
    public string? VerifiedField { get; set; }

    /// <summary>The facets after "type", in the order the search page shows them.</summary>
    public List<FacetDefinition> Facets { get; set; } = [];

    /// <summary>Short texts stored with each hit (shown under its title and on the map), in the order the index keeps them.</summary>
    public List<StoredFieldDefinition> StoredFields { get; set; } = [];

    /// <summary>How the map draws the types; a type in none is an "other" diamond.</summary>
    public List<MarkerDefinition> Markers { get; set; } = [];

    /// <summary>Every facet's name, "type" first.</summary>
    public IReadOnlyList<string> FacetNames => [Engine.LuceneSearchIndex.TypeFacet, .. Facets.Select(f => f.Name)];

    public IReadOnlyList<string> StoredFieldNames => StoredFields.Select(f => f.Name).ToList();
}

public sealed class FacetDefinition
{
    public string Name { get; set; } = "";
    /// <summary>The facet's title as an English message id, translated by the PO files of the module that declares it.</summary>
    public string Title { get; set; } = "";
    /// <summary>The vocabulary whose term labels name the facet's values.</summary>
    public string Vocabulary { get; set; } = "";
    /// <summary>The taxonomy fields (by name, in any part) whose terms it holds; empty when a contributor gives its values.</summary>
    public List<string> Fields { get; set; } = [];
    /// <summary>An item tagged "sport adapté" is also found under its parent "sport".</summary>
    public bool WithAncestors { get; set; }
}

public sealed class StoredFieldDefinition
{
    public string Name { get; set; } = "";
    /// <summary>How a hit shows the value, as an English message id with {0} for it (e.g. "by {0}").</summary>
    public string HitText { get; set; } = "{0}";
    /// <summary>Where in a hit's line it shows, smallest first.</summary>
    public int HitOrder { get; set; }
    /// <summary>Also shown in short lists of hits, such as a map widget's.</summary>
    public bool InShortLists { get; set; }
    /// <summary>Shown only in the printable list of results (an address, a phone, opening hours), not in a hit's line.</summary>
    public bool PrintOnly { get; set; }
}

/// <summary>A kind of map marker: a shape (never colour alone) and its line in the map's legend.</summary>
public sealed class MarkerDefinition
{
    /// <summary>Sent as the point's "category"; the theme colours <c>.shape-{Category}</c>.</summary>
    public string Category { get; set; } = "";
    public List<string> Types { get; set; } = [];
    /// <summary>circle, square, triangle or diamond.</summary>
    public string Shape { get; set; } = "diamond";
    /// <summary>The legend's text as an English message id, translated by the declaring module's PO files.</summary>
    public string Legend { get; set; } = "";
}
