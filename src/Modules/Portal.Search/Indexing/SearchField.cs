using System.Text.Json.Nodes;
using Portal.Core.Content;

namespace Portal.Search.Indexing;

/// <summary>One field of the item being indexed: where it sits, how it is defined, and its value (never null).</summary>
public sealed record SearchField(ContentTypePartDefinition TypePart, ContentPartFieldDefinition Definition, JsonNode Value)
{
    public string PartName => TypePart.Name;
    public string Name => Definition.Name;
}
