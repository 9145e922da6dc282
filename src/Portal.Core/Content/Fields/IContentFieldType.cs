using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Content.Fields;

/// <summary>A kind of field: how it reads a form, validates, cleans and shows its value.</summary>
public interface IContentFieldType
{
    string Name { get; }

    /// <summary>The partial view that edits it, under Views/Shared.</summary>
    string EditorView => $"Fields/{Name}.Edit";

    string DisplayView => $"Fields/{Name}.Display";

    /// <summary>How the editor frames the field: one labelled control, a fieldset of controls, or a box with its label after.</summary>
    FieldEditorLayout EditorLayout(FieldSettings settings) => FieldEditorLayout.Single;

    /// <summary>Reads the posted value; <paramref name="prefix"/> is "Part.Field".</summary>
    JsonNode? ReadForm(IFormCollection form, string prefix);

    bool IsEmpty(JsonNode? value);

    /// <summary>Cleans a value before it is stored (e.g. sanitizes HTML, trims).</summary>
    JsonNode? Normalize(JsonNode? value, FieldSettings settings) => value;

    ValueTask ValidateAsync(FieldValidationContext context);

    /// <summary>The value as plain text, for lists, search and the editor summary.</summary>
    string? ToText(JsonNode? value);
}
