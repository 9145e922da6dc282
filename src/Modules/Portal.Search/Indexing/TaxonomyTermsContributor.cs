using Portal.Taxonomies.Fields;
using Portal.Taxonomies.Models;
using Portal.Taxonomies.Services;

namespace Portal.Search.Indexing;

/// <summary>
/// A taxonomy field is searched by its terms' labels in every language of the site (the index's own first), so that a
/// word naming a category in either language finds what is filed under it ("Tagespflege" on the French site); it
/// gives its slugs to the facets declared on that field (with the terms' ancestors when the facet asks for them).
/// The synonyms of the labels apply when searching (<see cref="Synonyms.SynonymStore"/>), so they need no reindexing.
/// </summary>
public sealed class TaxonomyTermsContributor(VocabularyStore vocabularies, Portal.Core.Localization.Cultures cultures) : ISearchFieldContributor
{
    public string FieldType => TaxonomyTermsFieldType.TypeName;

    public async Task ContributeAsync(SearchIndexContext context, SearchField field)
    {
        var vocabularyName = VocabularyOf(field);
        if (vocabularyName is null || await vocabularies.GetAsync(vocabularyName) is not { } vocabulary) return;
        var slugs = TaxonomyTermsFieldType.Terms(field.Value);
        foreach (var slug in slugs)
            if (vocabulary.Find(slug) is { } term)
                foreach (var label in cultures.Supported.Prepend(context.Culture).Select(c => term.LabelFor(c, cultures)).Distinct(StringComparer.Ordinal))
                    context.AddLabel(label);
        foreach (var facet in context.Options.Facets.Where(f => f.Vocabulary == vocabularyName && f.Fields.Contains(field.Name)))
            context.AddFacetValues(facet.Name, facet.WithAncestors ? slugs.SelectMany(s => AncestorsAndSelf(vocabulary, s)) : slugs);
    }

    /// <summary>The vocabulary a taxonomy field's settings name.</summary>
    public static string? VocabularyOf(SearchField field) => field.Definition.Settings.Extra?["Vocabulary"]?.GetValue<string>();

    public static IEnumerable<string> AncestorsAndSelf(Vocabulary vocabulary, string slug)
    {
        var seen = new HashSet<string>();
        for (var term = vocabulary.Find(slug); term is not null && seen.Add(term.Slug); term = term.Parent is null ? null : vocabulary.Find(term.Parent))
            yield return term.Slug;
    }
}
