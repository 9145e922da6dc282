using Portal.Core.Localization;

namespace Portal.Search;

/// <summary>The search page's address segment per culture (the default culture first; a culture not listed uses the default culture's segment).</summary>
public static class SearchRoutes
{
    public const string Search = "search";
    /// <summary>The printable list of a search's results, below the search page: /fr/recherche/imprimer.</summary>
    public const string Print = "search-print";

    public static readonly RouteTable Table = new RouteTable()
        .Add(Search, ("fr", "recherche"), ("de", "suche"))
        .Add(Print, ("fr", "imprimer"), ("de", "drucken"));
}
