namespace Portal.Search.Insights;

/// <summary>Where the insights page sends an editor to add a synonym for a query: the synonyms page, prefilled.</summary>
public static class SynonymLink
{
    public static string For(string query, string culture) =>
        $"/admin/search/synonyms?add={Uri.EscapeDataString(query)}&culture={Uri.EscapeDataString(culture)}";
}
