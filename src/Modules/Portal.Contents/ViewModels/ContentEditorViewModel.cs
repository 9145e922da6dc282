using System.Text.Json.Nodes;
using Portal.Core.Content;
using Portal.Core.Content.Fields;

namespace Portal.Contents.ViewModels;

public sealed class ContentEditorViewModel
{
    public required ContentTypeDefinition Type { get; init; }
    public required ContentItem Item { get; init; }
    public bool IsNew { get; init; }
    public List<PartEditor> Parts { get; } = [];
    public ContentValidationResult Validation { get; init; } = new();
    public string? Message { get; init; }
    public bool CanPublish { get; init; }
    public bool CanDelete { get; init; }
    public bool HasPublishedVersion { get; init; }
}

public sealed record PartEditor(string Name, string Legend, IReadOnlyList<FieldEditor> Fields);

public sealed class FieldEditor
{
    public required string Prefix { get; init; }
    public required ContentPartFieldDefinition Field { get; init; }
    public required IContentFieldType FieldType { get; init; }
    public JsonNode? Value { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];
    public required string Label { get; init; }
    public string? Hint { get; init; }
    public required string Culture { get; init; }
    /// <summary>The language of the item's content (its localization), when it has one: the language its texts are written in.</summary>
    public string? ContentCulture { get; init; }
    /// <summary>What a module's field editor needs, from its <see cref="IFieldEditorDataProvider"/>.</summary>
    public object? EditorData { get; init; }
    /// <summary>Helpers offered next to this field, as (name, label).</summary>
    public IReadOnlyList<(string Name, string Label)> Actions { get; init; } = [];

    public string Id => Prefix.Replace('.', '_');
    public FieldSettings Settings => Field.Settings;
    public string? Describe(string? extra = null)
    {
        var ids = new List<string>();
        if (Hint is not null) ids.Add(Id + "-hint");
        if (Errors.Count > 0) ids.Add(Id + "-error");
        if (extra is not null) ids.Add(extra);
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
    public string? Text(string property) => Value?[property] is JsonValue v ? v.ToString() : null;
}
