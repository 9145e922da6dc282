using System.Text;
using Portal.Core.Content;
using Portal.Search.Engine;
using Portal.Search.Services;

namespace Portal.Search.Indexing;

/// <summary>
/// The search document of one published item in one culture, as contributors fill it: text to match (in the order
/// it is added), facet values, a point, a summary and stored short texts. The first value given wins for the point,
/// the summary and each stored text.
/// </summary>
public sealed class SearchIndexContext(ContentItem item, string culture, ContentTypeDefinition type,
    IReadOnlyList<SearchField> fields, SearchOptions options, bool followReferences, ISearchIndexServices services)
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _labels = new();

    public ContentItem Item => item;
    public string Culture => culture;
    public ContentTypeDefinition Type => type;
    /// <summary>Every field of the item that has a value, part by part in the type's order.</summary>
    public IReadOnlyList<SearchField> Fields => fields;
    public SearchOptions Options => options;
    /// <summary>False while indexing an item only for what another item borrows from it (its place, its name).</summary>
    public bool FollowReferences => followReferences;
    /// <summary>The first published item a content picker of this item points at, once a field has found it.</summary>
    public ContentItem? Related { get; set; }

    internal SearchDocument Document { get; } = new()
    {
        // An item of another language (its only version) keeps its own address: its page is shown in its language.
        Id = item.ContentItemId, Type = item.ContentType, Title = item.DisplayText, Published = item.PublishedUtc, Culture = item.Culture,
        Url = $"/{(string.IsNullOrEmpty(item.Culture) ? culture : item.Culture)}/{item.Path}",
    };

    public string Title { get => Document.Title; set => Document.Title = value; }
    public double? Latitude => Document.Latitude;
    public double? Longitude => Document.Longitude;

    public void AddText(string text) => _text.AppendLine(text);

    /// <summary>A taxonomy term's label: searched like text, but ranked above it, just below the title.</summary>
    public void AddLabel(string label) => _labels.AppendLine(label);

    public void AddFacetValues(string facet, IEnumerable<string> values)
    {
        if (!Document.Facets.TryGetValue(facet, out var list)) Document.Facets[facet] = list = [];
        foreach (var value in values)
            if (!list.Contains(value)) list.Add(value);
    }

    public IReadOnlyList<string> FacetValues(string facet) => Document.Facets.GetValueOrDefault(facet) ?? [];

    /// <summary>Places the item, unless a contributor already has.</summary>
    public void SetLocation(double? latitude, double? longitude)
    {
        if (Document.Latitude is not null || latitude is null) return;
        (Document.Latitude, Document.Longitude) = (latitude, longitude);
    }

    public void SetSummary(string text)
    {
        if (Document.Summary is null) Document.Summary = Shorten(text);
    }

    public void SetStored(string name, string? value)
    {
        if (value is not null) Document.Stored.TryAdd(name, value);
    }

    public string? Stored(string name) => Document.Stored.GetValueOrDefault(name);

    public void SetLastVerified(DateTime verified) => Document.LastVerified = verified;

    /// <summary>The published item <paramref name="id"/> in this culture when it is translated, else as it is.</summary>
    public Task<ContentItem?> FindPublishedAsync(string id) => services.FindPublishedAsync(id, culture);

    /// <summary>What another item's document holds in this culture, without following its own references.</summary>
    public Task<SearchDocument?> DocumentOfAsync(ContentItem other) => services.BuildAsync(other, culture, followReferences: false);

    internal SearchDocument Finish()
    {
        Document.Text = _text.ToString();
        Document.Labels = _labels.ToString();
        return Document;
    }

    private static string Shorten(string text)
    {
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 400 ? text : text[..text.LastIndexOf(' ', 400)] + " …";
    }
}

/// <summary>What the builder lends to a context: look-ups that are cached across the items of one build.</summary>
public interface ISearchIndexServices
{
    Task<ContentItem?> FindPublishedAsync(string id, string culture);
    Task<SearchDocument?> BuildAsync(ContentItem item, string culture, bool followReferences);
}
