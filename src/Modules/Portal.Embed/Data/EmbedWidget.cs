namespace Portal.Embed.Data;

/// <summary>What a widget shows: a list, a map, or both.</summary>
public enum WidgetDisplay
{
    List,
    Map,
    Both,
}

/// <summary>
/// A widget other sites embed: a preset search (any search parameters, as a query string), what it shows, its
/// language (a fixed culture, or empty to follow the host page's <c>lang</c>), its palette, and the origins allowed
/// to embed it.
/// </summary>
public sealed class EmbedWidget
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Search parameters without culture, such as <c>type=AidantSupport&amp;f.supportType=repit</c>.</summary>
    public string Query { get; set; } = "";
    public WidgetDisplay Display { get; set; }
    public bool SearchBox { get; set; } = true;
    public bool Facets { get; set; } = true;
    /// <summary>A culture code, or empty: the host page's language when the site has it, the default otherwise.</summary>
    public string Culture { get; set; } = "";
    public int PageSize { get; set; } = 10;
    public string Palette { get; set; } = "";
    public bool NewTab { get; set; }
    /// <summary>Allowed origins, one per line (https://www.example.org).</summary>
    public string Origins { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime ModifiedUtc { get; set; }

    public IReadOnlyList<string> OriginList => Origins.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool ShowsList => Display != WidgetDisplay.Map;
    public bool ShowsMap => Display != WidgetDisplay.List;
}

/// <summary>A widget's use in one ISO week: no address, no page, no time finer than the week.</summary>
public sealed class EmbedUsage
{
    public string WidgetId { get; set; } = "";
    /// <summary>"2026-W49".</summary>
    public string Week { get; set; } = "";
    public int Loads { get; set; }
    public int Searches { get; set; }
}
