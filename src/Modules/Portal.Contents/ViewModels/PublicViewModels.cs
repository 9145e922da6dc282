using Portal.Core.Content;

namespace Portal.Contents.ViewModels;

public sealed class PublicHomeViewModel
{
    public required IReadOnlyList<ContentItem> Recent { get; init; }
    public required IReadOnlyDictionary<string, ContentTypeDefinition> Types { get; init; }
}

public sealed class PublicItemViewModel
{
    public required ContentItem Item { get; init; }
    public required ContentTypeDefinition Type { get; init; }
    public required IReadOnlyList<(ContentTypePartDefinition TypePart, ContentPartDefinition Part)> Parts { get; init; }
}

public sealed record FieldDisplay(ContentPartFieldDefinition Field, Portal.Core.Content.Fields.IContentFieldType FieldType, System.Text.Json.Nodes.JsonNode? Value, string Culture);
