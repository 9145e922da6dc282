using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Content.Fields;

/// <summary>Small readers shared by the field types.</summary>
public static class FieldValues
{
    public static string? Form(IFormCollection form, string key)
    {
        var value = form[key].ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public static string? String(JsonNode? value, string property) =>
        value is JsonObject o && o[property] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    public static decimal? Decimal(JsonNode? value, string property)
    {
        if (value is not JsonObject o || o[property] is not JsonValue v) return null;
        if (v.TryGetValue<decimal>(out var d)) return d;
        if (v.TryGetValue<double>(out var f)) return (decimal)f;
        if (v.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out d)) return d;
        return null;
    }

    /// <summary>Reads "12.5" and "12,5" alike: visitors type the French decimal comma.</summary>
    public static bool TryParseDecimal(string? text, out decimal value) =>
        decimal.TryParse(text?.Replace(',', '.').Replace(" ", "").Replace("\u00a0", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public static JsonObject Of(string property, JsonNode? value) => new() { [property] = value };
}
