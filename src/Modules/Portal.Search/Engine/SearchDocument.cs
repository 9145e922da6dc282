namespace Portal.Search.Engine;

/// <summary>What the index holds of one published item: text to match, facet values, a point, what a hit shows.</summary>
public sealed class SearchDocument
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>Everything else that should match: description, taxonomy labels in the index's language, address.</summary>
    public string Text { get; set; } = "";
    /// <summary>The labels of the taxonomy terms that tag the item, in every language: matched above the text.</summary>
    public string Labels { get; set; } = "";
    /// <summary>Plain text shown under the title of a hit (a description's first paragraphs).</summary>
    public string? Summary { get; set; }
    /// <summary>Short texts a hit shows (stored field name → text), as contributors declare them.</summary>
    public Dictionary<string, string> Stored { get; set; } = new(StringComparer.Ordinal);
    public string Url { get; set; } = "";
    /// <summary>Facet name → values (stable slugs, never labels). The type is added as the facet "type".</summary>
    public Dictionary<string, List<string>> Facets { get; set; } = new(StringComparer.Ordinal);
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public DateTime? LastVerified { get; set; }
    public DateTime? Published { get; set; }
    /// <summary>
    /// The item's own language ("" for an item of every language). An index holds, after its own language's documents,
    /// those of the items not written in its language (another language's only version), ranked after its own.
    /// </summary>
    public string Culture { get; set; } = "";
}
