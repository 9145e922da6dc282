using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Content.Fields;

/// <summary>{ "Latitude": 49.12, "Longitude": 6.18 } in WGS 84; both or neither.</summary>
public sealed class GeoPointFieldType : IContentFieldType
{
    public string Name => "GeoPoint";

    public FieldEditorLayout EditorLayout(FieldSettings settings) => FieldEditorLayout.Group;

    public JsonNode? ReadForm(IFormCollection form, string prefix)
    {
        var lat = FieldValues.Form(form, prefix + ".Latitude");
        var lon = FieldValues.Form(form, prefix + ".Longitude");
        if (lat is null && lon is null) return null;
        return new JsonObject { ["Latitude"] = Number(lat), ["Longitude"] = Number(lon) };
    }

    // An unreadable number is kept as typed so that the form shows it back with its message.
    private static JsonNode? Number(string? text) =>
        text is null ? null : FieldValues.TryParseDecimal(text, out var d) ? JsonValue.Create(d) : JsonValue.Create(text);

    public bool IsEmpty(JsonNode? value) => value is not JsonObject o || o["Latitude"] is null && o["Longitude"] is null;

    public ValueTask ValidateAsync(FieldValidationContext context)
    {
        if (IsEmpty(context.Value))
        {
            if (context.Settings.Required) context.Fail(context.T["{0} is required.", context.Label]);
            return ValueTask.CompletedTask;
        }
        Check(context, "Latitude", -90, 90, context.T["latitude"]);
        Check(context, "Longitude", -180, 180, context.T["longitude"]);
        return ValueTask.CompletedTask;
    }

    private static void Check(FieldValidationContext context, string property, decimal min, decimal max, string name)
    {
        var node = context.Value?[property];
        if (node is null)
            context.Fail(context.T["{0}: the {1} is missing.", context.Label, name]);
        else if (node is JsonValue v && v.TryGetValue<string>(out _) || FieldValues.Decimal(context.Value, property) is not { } d)
            context.Fail(context.T["{0}: the {1} must be a number.", context.Label, name]);
        else if (d < min || d > max)
            context.Fail(context.T["{0}: the {1} must be between {2} and {3}.", context.Label, name, min, max]);
    }

    public static (double Latitude, double Longitude)? Read(JsonNode? value) =>
        FieldValues.Decimal(value, "Latitude") is { } lat && FieldValues.Decimal(value, "Longitude") is { } lon ? ((double)lat, (double)lon) : null;

    public string? ToText(JsonNode? value) =>
        Read(value) is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p.Latitude:0.#####}, {p.Longitude:0.#####}") : null;
}
