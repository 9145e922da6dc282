using Portal.Core.Content;
using Portal.Search.Engine;
using Portal.Search.Services;

namespace Portal.Search.Suggestions;

/// <summary>
/// What the search box offers as one types, in the page's culture: topics (taxonomy terms), entries whose title the
/// words complete, and places — never arbitrary pairs of words.
/// </summary>
public sealed class SuggestionService(SearchIndexManager indexes, TermCatalogue catalogue, IPlaceSuggestionSource places, IContentDefinitionStore definitions)
{
    public const int MinimumLength = 2;
    private const int PerKind = 5;
    /// <summary>Hits read to find titles the words complete; the words' best matches come first.</summary>
    private const int Candidates = 60;

    public async Task<IReadOnlyList<SuggestionItem>> SuggestAsync(string typed, string culture, IReadOnlyCollection<SuggestionKind> kinds, CancellationToken cancellationToken = default)
    {
        var words = WordPrefixMatch.Typed(typed);
        if (words.Count == 0 || words.Sum(w => w.Length) < MinimumLength) return [];
        var list = new List<SuggestionItem>();
        if (kinds.Contains(SuggestionKind.Topic)) list.AddRange(await TopicsAsync(words, culture, cancellationToken));
        if (kinds.Contains(SuggestionKind.Entry)) list.AddRange(await EntriesAsync(typed, words, culture, cancellationToken));
        if (kinds.Contains(SuggestionKind.Place)) list.AddRange(await places.SuggestAsync(typed, culture, PerKind, cancellationToken));
        return list;
    }

    private async Task<IEnumerable<SuggestionItem>> TopicsAsync(IReadOnlyList<string> words, string culture, CancellationToken cancellationToken)
    {
        var searchPath = SearchRoutes.Table.Path(SearchRoutes.Search, culture);
        return (await catalogue.TermsAsync(culture, cancellationToken))
            .Where(t => !t.IsPlace && WordPrefixMatch.Completes(words, t.Label))
            .OrderByDescending(t => WordPrefixMatch.Rank(words, t.Label)).ThenByDescending(t => t.Count).ThenBy(t => t.Label, StringComparer.Ordinal)
            .DistinctBy(t => t.Label)
            .Take(PerKind)
            .Select(t => new SuggestionItem(SuggestionKind.Topic, t.Label, t.VocabularyLabel, TermLink.Url(searchPath, t), t.Count, t.Slug));
    }

    private async Task<IEnumerable<SuggestionItem>> EntriesAsync(string typed, IReadOnlyList<string> words, string culture, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(culture, cancellationToken);
        var result = index.Search(new SearchQuery { Text = typed, PageSize = Candidates, FuzzyRetry = false, PrefixLastWord = true });
        var entries = new List<SuggestionItem>();
        foreach (var hit in result.Hits.Where(h => WordPrefixMatch.Completes(words, h.Title))
                     .OrderByDescending(h => WordPrefixMatch.Rank(words, h.Title)).DistinctBy(h => h.Title).Take(PerKind))
        {
            var type = await definitions.TypeDisplayNameAsync(hit.Type, culture);
            entries.Add(new SuggestionItem(SuggestionKind.Entry, hit.Title, type, hit.Url, 1, hit.Id, hit.Latitude, hit.Longitude));
        }
        return entries;
    }
}
