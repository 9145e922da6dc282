using Portal.Core.Content;
using Portal.Core.Content.Parts;
using Portal.Search.Indexing;
using Portal.Taxonomies.Fields;
using Portal.Taxonomies.Models;
using Portal.Taxonomies.Services;

namespace Portal.Directory.Search;

/// <summary>
/// Where an entry is, for the search: its address's commune (by INSEE code) and its territory fields give the commune
/// and territory facets, the commune shown with a hit, and a point when it has none; an offer without a place of its
/// own is where its organisation is, and shows the organisation's name.
/// </summary>
public sealed class DirectoryPlaces(Portal.Core.Localization.Cultures cultures, VocabularyStore vocabularies) : ISearchIndexContributor
{
    private Dictionary<string, Term>? _byInsee;
    private HashSet<string>? _parents;

    public async Task ContributeAsync(SearchIndexContext context)
    {
        var related = context.Related;
        context.SetStored(DirectorySearch.ActorStored, related?.DisplayText);
        var territories = await vocabularies.GetAsync(DirectorySearch.Territories);
        List<string> places = territories is null ? [] : context.Fields
            .Where(f => f.Definition.FieldType == TaxonomyTermsFieldType.TypeName && TaxonomyTermsContributor.VocabularyOf(f) == DirectorySearch.Territories)
            .SelectMany(f => TaxonomyTermsFieldType.Terms(f.Value)).ToList();
        var address = context.Item.As<AddressPart>();
        if (address.InseeCode.Text is { } insee && territories is not null && CommuneByInsee(territories, insee) is { } addressCommune)
            places.Insert(0, addressCommune.Slug);
        if (related is not null && (places.Count == 0 || context.Latitude is null))
        {
            var relatedDocument = await context.DocumentOfAsync(related);
            if (places.Count == 0)
            {
                places.AddRange(relatedDocument?.Facets.GetValueOrDefault(DirectorySearch.CommuneFacet) ?? []);
                context.SetStored(DirectorySearch.CommuneStored, relatedDocument?.Stored.GetValueOrDefault(DirectorySearch.CommuneStored));
            }
            context.SetLocation(relatedDocument?.Latitude, relatedDocument?.Longitude);
        }
        if (territories is not null && places.Count > 0)
        {
            var communes = places.Select(territories.Find).OfType<Term>().Where(t => IsCommune(territories, t)).ToList();
            var areas = places.Select(territories.Find).OfType<Term>().SelectMany(t => TaxonomyTermsContributor.AncestorsAndSelf(territories, t.Slug))
                .Where(slug => territories.Find(slug) is { } t && !IsCommune(territories, t));
            context.AddFacetValues(DirectorySearch.TerritoryFacet, areas);
            context.AddFacetValues(DirectorySearch.CommuneFacet, communes.Select(c => c.Slug));
            context.SetStored(DirectorySearch.CommuneStored, address.Commune.Text ?? communes.FirstOrDefault()?.LabelFor(context.Culture, cultures));
            if (communes.FirstOrDefault(c => c.Latitude is not null) is { } centre) context.SetLocation(centre.Latitude, centre.Longitude);
        }
        context.SetStored(DirectorySearch.CommuneStored, address.Commune.Text);
        if (context.Stored(DirectorySearch.CommuneStored) is { } commune) context.AddText(commune);
        if (address.Street.Text is { } street) context.AddText(street);
        if (address.Postcode.Text is { } postcode) context.AddText(postcode);
    }

    private Term? CommuneByInsee(Vocabulary territories, string insee)
    {
        _byInsee ??= territories.Terms.Where(t => t.Codes.TryGetValue("insee", out var c) && c.Length == 5)
            .GroupBy(t => t.Codes["insee"]).ToDictionary(g => g.Key, g => g.First());
        return _byInsee.GetValueOrDefault(insee);
    }

    /// <summary>A commune is a place with no place under it.</summary>
    private bool IsCommune(Vocabulary territories, Term term)
    {
        _parents ??= territories.Terms.Where(t => t.Parent is not null).Select(t => t.Parent!).ToHashSet(StringComparer.Ordinal);
        return term.Parent is not null && !_parents.Contains(term.Slug);
    }
}
