using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Content.Fields;

/// <summary>{ "Value": true }. An unticked box posts nothing, which reads as false.</summary>
public sealed class BooleanFieldType : IContentFieldType
{
    public string Name => "Boolean";

    public FieldEditorLayout EditorLayout(FieldSettings settings) => FieldEditorLayout.Checkbox;

    public JsonNode? ReadForm(IFormCollection form, string prefix) =>
        FieldValues.Of("Value", form[prefix + ".Value"].Any(v => v is "true" or "on"));

    public bool IsEmpty(JsonNode? value) => value is not JsonObject o || o["Value"] is null;

    public ValueTask ValidateAsync(FieldValidationContext context)
    {
        // "Required" on a box means it must be ticked (a consent, an attestation).
        if (context.Settings.Required && !(context.Value?["Value"]?.GetValue<bool>() ?? false))
            context.Fail(context.T["{0} must be ticked.", context.Label]);
        return ValueTask.CompletedTask;
    }

    public string? ToText(JsonNode? value) => value?["Value"]?.GetValue<bool>() == true ? "✓" : null;
}
