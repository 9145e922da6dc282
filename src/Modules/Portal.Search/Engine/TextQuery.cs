using Lucene.Net.Search;

namespace Portal.Search.Engine;

/// <summary>The visitor's words made into a Lucene query (see <see cref="QueryBuilder"/>), with what snippets mark.</summary>
internal sealed class TextQuery
{
    public Query? Query { get; init; }
    /// <summary>False when the text held no word to search (empty, punctuation, stop words only): everything matches.</summary>
    public bool HasWords => Query is not null;
    /// <summary>The analysed terms, to mark in snippets: the words typed and their synonyms.</summary>
    public HashSet<string> Terms { get; } = new(StringComparer.Ordinal);
    /// <summary>The word being typed, matched as a prefix.</summary>
    public string? Prefix { get; set; }
    /// <summary>True when words are matched with more spelling differences than usual (a relaxation).</summary>
    public bool Fuzzy { get; init; }
}
