using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Content.Parts;
using Portal.Taxonomies.Fields;
using Portal.Taxonomies.Services;

namespace Portal.Directory.Services;

/// <summary>Places a directory entry at the centre of its commune, from the territories vocabulary's centroids.</summary>
public sealed class LocateAtCommune(Portal.Core.Localization.Cultures cultures, VocabularyStore vocabularies, IStringLocalizer<LocateAtCommune> T) : IContentEditorAction
{
    public string Name => "locate-at-commune";

    public string Label => T["Place at the commune's centre"];

    public string? FieldFor(ContentTypeDefinition type) => DirectoryTypes.IsDirectoryType(type.Name) ? $"{type.Name}.Location" : null;

    public async Task<string> ApplyAsync(ContentItem item)
    {
        var territories = await vocabularies.GetAsync("territories");
        var insee = item.Field(BuiltInParts.Address, "InseeCode")?["Text"]?.GetValue<string>();
        var slug = TaxonomyTermsFieldType.Terms(item.Field(item.ContentType, "Territory")).FirstOrDefault();
        var term = (slug is null ? null : territories?.Find(slug))
            ?? (insee is null ? null : territories?.Terms.FirstOrDefault(t => t.Codes.GetValueOrDefault("insee") == insee));
        if (term?.Latitude is not { } lat || term.Longitude is not { } lon)
            return T["Choose the commune (or type its INSEE code in the address) first: its centre is then known."];
        item.GetOrCreatePart(item.ContentType)["Location"] = new JsonObject { ["Latitude"] = lat, ["Longitude"] = lon };
        return T["Placed at the centre of {0}. Check the position, then save.", term.DefaultLabel(cultures)];
    }
}
