namespace Portal.Search.Indexing;

/// <summary>Lists a module offers to browse when a search finds nothing (its labels already in the visitor's language).</summary>
public interface ISearchBrowseLinks
{
    Task<IEnumerable<BrowseLink>> GetLinksAsync(string culture);
}

public sealed record BrowseLink(string Label, string Url);
