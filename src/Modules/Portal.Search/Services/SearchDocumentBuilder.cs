using System.Text;
using Markdig;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Core.Content.Parts;
using Portal.Core.Data;
using Portal.Core.Localization;
using Portal.Search.Engine;
using Portal.Taxonomies.Fields;
using Portal.Taxonomies.Models;
using Portal.Taxonomies.Services;

namespace Portal.Search.Services;

/// <summary>
/// Makes the search document of a published item in one culture, from its type definition: text fields are
/// searched, taxonomy fields give their labels in that culture and their facet values, a content picker gives the
/// name (and, lacking its own, the place) of the item it points at, a GeoPoint gives the position.
/// </summary>
public sealed class SearchDocumentBuilder(PortalDbContext db, IContentDefinitionStore definitions, VocabularyStore vocabularies,
    IEnumerable<IContentFieldType> fieldTypes, IOptions<SearchOptions> options)
{
    private readonly Dictionary<string, IContentFieldType> _fieldTypes = fieldTypes.ToDictionary(f => f.Name);
    private readonly Dictionary<string, ContentItem?> _related = new(StringComparer.Ordinal);
    private Dictionary<string, Term>? _byInsee;
    private HashSet<string>? _parents;

    public SearchOptions Options => options.Value;

    public bool IsIndexed(string contentType) => options.Value.IndexedTypes.Contains(contentType);

    /// <summary>The cultures an item is searched in: its own, or every one for an item without a culture.</summary>
    public static IEnumerable<string> CulturesOf(ContentItem item, Cultures cultures) => string.IsNullOrEmpty(item.Culture) ? cultures.Supported : cultures.Supported.Where(c => c == item.Culture);

    public async Task<SearchDocument?> BuildAsync(ContentItem item, string culture, bool followReferences = true)
    {
        if (!IsIndexed(item.ContentType) || item.Path is null) return null;
        var type = await definitions.GetTypeAsync(item.ContentType);
        if (type is null) return null;
        var document = new SearchDocument
        {
            Id = item.ContentItemId, Type = item.ContentType, Title = item.DisplayText, Url = $"/{culture}/{item.Path}",
            Published = item.PublishedUtc,
        };
        var text = new StringBuilder();
        var places = new List<string>();
        ContentItem? related = null;
        foreach (var (typePart, part) in await definitions.GetPartsOfAsync(type))
        {
            foreach (var field in part.Fields)
            {
                if (!_fieldTypes.TryGetValue(field.FieldType, out var fieldType)) continue;
                var value = item.Field(typePart.Name, field.Name);
                if (value is null) continue;
                switch (field.FieldType)
                {
                    case "Text" or "Markdown" or "Html":
                        if (typePart.Name == BuiltInParts.Title) break;
                        if (fieldType.ToText(value) is { Length: > 0 } plain)
                        {
                            text.AppendLine(plain);
                            if (field.FieldType != "Text" || field.Name == "Summary") document.Summary ??= Shorten(plain);
                        }
                        break;
                    case TaxonomyTermsFieldType.TypeName:
                        var vocabularyName = field.Settings.Extra?["Vocabulary"]?.GetValue<string>();
                        if (vocabularyName is null || await vocabularies.GetAsync(vocabularyName) is not { } vocabulary) break;
                        var slugs = TaxonomyTermsFieldType.Terms(value);
                        foreach (var slug in slugs)
                            if (vocabulary.Find(slug) is { } term) text.AppendLine(term.LabelFor(culture));
                        foreach (var facet in options.Value.Facets.Where(f => f.Vocabulary == vocabularyName && f.Fields.Contains(field.Name)))
                        {
                            if (facet.Places != PlaceLevel.None) continue; // gathered below with the address
                            AddValues(document, facet.Name, facet.WithAncestors ? slugs.SelectMany(s => AncestorsAndSelf(vocabulary, s)) : slugs);
                        }
                        if (vocabularyName == "territories") places.AddRange(slugs);
                        break;
                    case "ContentPicker":
                        if (!followReferences || related is not null) break;
                        foreach (var id in ContentPickerFieldType.Ids(value))
                        {
                            related = await RelatedAsync(id, culture);
                            if (related is null) continue;
                            document.Actor = related.DisplayText;
                            text.AppendLine(related.DisplayText);
                            break;
                        }
                        break;
                    case "GeoPoint":
                        if (document.Latitude is null && GeoPointFieldType.Read(value) is { } point)
                            (document.Latitude, document.Longitude) = point;
                        break;
                    case "Date" when field.Name == options.Value.VerifiedField:
                        if (DateTime.TryParse(value["Value"]?.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture,
                                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var verified))
                            document.LastVerified = verified;
                        break;
                }
            }
        }

        var address = item.As<AddressPart>();
        var territories = await vocabularies.GetAsync("territories");
        if (address.InseeCode.Text is { } insee && territories is not null && CommuneByInsee(territories, insee) is { } addressCommune)
            places.Insert(0, addressCommune.Slug);
        if (places.Count == 0 && related is not null)
        {
            // An offer without a place of its own is where its organisation is.
            var relatedDocument = await BuildRelatedPlaceAsync(related, culture);
            places.AddRange(relatedDocument.Places);
            document.Latitude ??= relatedDocument.Latitude;
            document.Longitude ??= relatedDocument.Longitude;
            document.Commune ??= relatedDocument.Commune;
        }
        else if (document.Latitude is null && related is not null)
        {
            var relatedDocument = await BuildRelatedPlaceAsync(related, culture);
            document.Latitude = relatedDocument.Latitude;
            document.Longitude = relatedDocument.Longitude;
        }
        if (territories is not null && places.Count > 0)
        {
            var communes = places.Select(territories.Find).OfType<Term>().Where(t => IsCommune(territories, t)).ToList();
            var areas = places.Select(territories.Find).OfType<Term>().SelectMany(t => AncestorsAndSelf(territories, t.Slug))
                .Where(slug => territories.Find(slug) is { } t && !IsCommune(territories, t));
            foreach (var facet in options.Value.Facets.Where(f => f.Places != PlaceLevel.None))
                AddValues(document, facet.Name, facet.Places == PlaceLevel.Communes ? communes.Select(c => c.Slug) : areas);
            document.Commune ??= address.Commune.Text ?? communes.FirstOrDefault()?.LabelFor(culture);
            if (document.Latitude is null && communes.FirstOrDefault(c => c.Latitude is not null) is { } centre)
                (document.Latitude, document.Longitude) = (centre.Latitude, centre.Longitude);
        }
        document.Commune ??= address.Commune.Text;
        if (document.Commune is not null) text.AppendLine(document.Commune);
        if (address.Street.Text is { } street) text.AppendLine(street);
        if (address.Postcode.Text is { } postcode) text.AppendLine(postcode);
        document.Text = text.ToString();
        return document;
    }

    private sealed record RelatedPlace(List<string> Places, double? Latitude, double? Longitude, string? Commune);

    private async Task<RelatedPlace> BuildRelatedPlaceAsync(ContentItem related, string culture)
    {
        var built = await BuildAsync(related, culture, followReferences: false);
        if (built is null) return new RelatedPlace([], null, null, null);
        var places = built.Facets.Where(f => options.Value.Facets.Any(d => d.Name == f.Key && d.Places == PlaceLevel.Communes)).SelectMany(f => f.Value).ToList();
        return new RelatedPlace(places, built.Latitude, built.Longitude, built.Commune);
    }

    /// <summary>The published item an offer points at, in the visitor's language when it is translated.</summary>
    private async Task<ContentItem?> RelatedAsync(string id, string culture)
    {
        var key = culture + "/" + id;
        if (_related.TryGetValue(key, out var cached)) return cached;
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == id && i.Published);
        if (item is not null && item.Culture != culture && item.LocalizationSet is { } set)
            item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.LocalizationSet == set && i.Culture == culture && i.Published) ?? item;
        return _related[key] = item;
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

    private static IEnumerable<string> AncestorsAndSelf(Vocabulary vocabulary, string slug)
    {
        var seen = new HashSet<string>();
        for (var term = vocabulary.Find(slug); term is not null && seen.Add(term.Slug); term = term.Parent is null ? null : vocabulary.Find(term.Parent))
            yield return term.Slug;
    }

    private static void AddValues(SearchDocument document, string facet, IEnumerable<string> values)
    {
        if (!document.Facets.TryGetValue(facet, out var list)) document.Facets[facet] = list = [];
        foreach (var value in values)
            if (!list.Contains(value)) list.Add(value);
    }

    private static string Shorten(string text)
    {
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 400 ? text : text[..text.LastIndexOf(' ', 400)] + " …";
    }
}
