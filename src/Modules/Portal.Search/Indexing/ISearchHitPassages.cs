using Portal.Search.Engine;

namespace Portal.Search.Indexing;

/// <summary>
/// Shows, under a hit of the search page, the passage of the hit's own material that holds the searched words (a page of
/// its document…), with where it was found; the module that owns the type knows where to look.
/// </summary>
public interface ISearchHitPassages
{
    bool Handles(string type);

    /// <summary>The passage, or null when the searched words are not in the material (the hit matched elsewhere).</summary>
    Task<SearchHitPassage?> FindAsync(SearchHit hit, string query, string culture);
}

/// <param name="Text">The passage, cut around the words found.</param>
/// <param name="Where">Where it is, already in the visitor's language (for example "Page 2 of the document").</param>
public sealed record SearchHitPassage(string Text, string Where);
