using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;

namespace Portal.Core.Content.Fields;

public sealed class FieldValidationContext(
    ContentItem item,
    ContentPartFieldDefinition field,
    string key,
    string label,
    JsonNode? value,
    IStringLocalizer localizer,
    IServiceProvider services,
    ContentValidationResult result)
{
    public ContentItem Item { get; } = item;
    public ContentPartFieldDefinition Field { get; } = field;
    public FieldSettings Settings => Field.Settings;
    /// <summary>"Part.Field", the key of the message.</summary>
    public string Key { get; } = key;
    public string Label { get; } = label;
    public JsonNode? Value { get; } = value;
    public IStringLocalizer T { get; } = localizer;
    public IServiceProvider Services { get; } = services;

    public void Fail(string message) => result.Add(Key, message);
}
