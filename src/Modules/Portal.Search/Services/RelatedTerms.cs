using Microsoft.Extensions.Options;
using Portal.Core.Localization;
using Portal.Search.Engine;
using Portal.Taxonomies.Services;

namespace Portal.Search.Services;

/// <summary>A vocabulary term close to the words of a search, as a filter to follow, with how many items it holds.</summary>
public sealed record RelatedTerm(string Facet, string Value, string Label, int Count);

/// <summary>
/// The terms of the facets' vocabularies closest to what was typed, for a search that found nothing or had to be
/// loosened: a label (in any language of the site) with a typed word or one of its synonyms, then a word spelt nearly
/// the same, then a word beginning the same way. Only terms that hold items, the most items first on a tie.
/// </summary>
public sealed class RelatedTerms(VocabularyStore vocabularies, IOptions<SearchOptions> options, Cultures cultures)
{
    public const int Max = 8;

    internal async Task<IReadOnlyList<RelatedTerm>> FindAsync(LuceneSearchIndex index, string? text, SynonymTable? synonyms)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var culture = index.Culture;
        var parsed = QueryText.Parse(index, text, prefixLastWord: false, synonyms);
        var typed = parsed.Slots.SelectMany(s => s.Words.SelectMany(w => w.Stems).Concat(s.Synonyms.SelectMany(a => a))).Select(s => s.Term)
            .Where(t => t.Length >= 3).ToHashSet(StringComparer.Ordinal);
        if (typed.Count == 0) return [];
        var facets = options.Value.Facets.Where(f => f.Fields.Count > 0 && f.Vocabulary.Length > 0).ToList();
        var counts = index.Search(new SearchQuery { Facets = facets.Select(f => f.Name).ToList(), PageSize = 1, FuzzyRetry = false }).FacetCounts;
        var found = new List<(RelatedTerm Term, int Score)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var facet in facets)
        {
            if (await vocabularies.GetAsync(facet.Vocabulary) is not { } vocabulary) continue;
            var held = counts.GetValueOrDefault(facet.Name) ?? [];
            foreach (var term in vocabulary.Terms)
            {
                var count = held.GetValueOrDefault(term.Slug);
                if (count == 0) continue;
                var label = term.LabelFor(culture, cultures);
                var stems = cultures.Supported.Select(c => term.LabelFor(c, cultures)).Distinct().SelectMany(index.Analyzer.Terms).ToHashSet(StringComparer.Ordinal);
                var score = typed.Sum(t => Closeness(t, stems));
                if (score > 0 && seen.Add(facet.Name + "/" + term.Slug)) found.Add((new RelatedTerm(facet.Name, term.Slug, label, count), score));
            }
        }
        return found.OrderByDescending(f => f.Score).ThenByDescending(f => f.Term.Count).ThenBy(f => f.Term.Label, StringComparer.Ordinal)
            .Take(Max).Select(f => f.Term).ToList();
    }

    private static int Closeness(string typed, HashSet<string> label)
    {
        if (label.Contains(typed)) return 3;
        var edits = typed.Length >= 7 ? 2 : typed.Length >= 4 ? 1 : 0;
        if (edits > 0 && label.Any(l => Math.Abs(l.Length - typed.Length) <= edits && Typos.Distance(typed, l) <= edits)) return 2;
        var prefix = Math.Min(5, typed.Length);
        return typed.Length >= 4 && label.Any(l => l.Length >= prefix && string.CompareOrdinal(l, 0, typed, 0, prefix) == 0) ? 1 : 0;
    }
}
