using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Content.Fields;

/// <summary>{ "Value": 12.5 }; what cannot be read as a number is kept as typed, so the editor can show it back with its error.</summary>
public sealed class NumericFieldType : IContentFieldType
{
    public string Name => "Numeric";

    public JsonNode? ReadForm(IFormCollection form, string prefix)
    {
        var text = FieldValues.Form(form, prefix + ".Value");
        if (text is null) return null;
        return FieldValues.TryParseDecimal(text, out var d) ? FieldValues.Of("Value", d) : FieldValues.Of("Value", text);
    }

    public bool IsEmpty(JsonNode? value) => value is not JsonObject o || o["Value"] is null;

    public ValueTask ValidateAsync(FieldValidationContext context)
    {
        var s = context.Settings;
        if (IsEmpty(context.Value))
        {
            if (s.Required) context.Fail(context.T["{0} is required.", context.Label]);
            return ValueTask.CompletedTask;
        }
        if (FieldValues.Decimal(context.Value, "Value") is not { } number || context.Value!["Value"] is JsonValue v && v.TryGetValue<string>(out _))
        {
            context.Fail(context.T["{0} must be a number.", context.Label]);
            return ValueTask.CompletedTask;
        }
        if (s.Minimum is { } min && number < min) context.Fail(context.T["{0} must be at least {1}.", context.Label, min]);
        if (s.Maximum is { } max && number > max) context.Fail(context.T["{0} must be at most {1}.", context.Label, max]);
        if (s.Scale is { } scale && decimal.Round(number, scale) != number)
            context.Fail(context.T["{0} may have at most {1} decimals.", context.Label, scale]);
        return ValueTask.CompletedTask;
    }

    public string? ToText(JsonNode? value) => FieldValues.Decimal(value, "Value")?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
