using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Content.Fields;

/// <summary>{ "Value": "2026-05-14" } for a date, { "Value": "2026-05-14T18:30" } for a date and local time.</summary>
public sealed class DateFieldType(bool withTime) : IContentFieldType
{
    private string Format => withTime ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd";

    public string Name => withTime ? "DateTime" : "Date";

    public JsonNode? ReadForm(IFormCollection form, string prefix) =>
        FieldValues.Form(form, prefix + ".Value") is { } text ? FieldValues.Of("Value", text) : null;

    public bool IsEmpty(JsonNode? value) => FieldValues.String(value, "Value") is null;

    public JsonNode? Normalize(JsonNode? value, FieldSettings settings)
    {
        var text = FieldValues.String(value, "Value");
        if (text is null) return null;
        // The browser sends seconds sometimes ("18:30:00"); store one shape.
        return TryParse(text, out var date) ? FieldValues.Of("Value", date.ToString(Format, CultureInfo.InvariantCulture)) : value;
    }

    private bool TryParse(string text, out DateTime date) =>
        withTime
            ? DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            : DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public ValueTask ValidateAsync(FieldValidationContext context)
    {
        var text = FieldValues.String(context.Value, "Value");
        if (text is null)
        {
            if (context.Settings.Required) context.Fail(context.T["{0} is required.", context.Label]);
        }
        else if (!TryParse(text, out _))
            context.Fail(withTime
                ? context.T["{0} must be a date and time (YYYY-MM-DDTHH:MM).", context.Label]
                : context.T["{0} must be a date (YYYY-MM-DD).", context.Label]);
        return ValueTask.CompletedTask;
    }

    public string? ToText(JsonNode? value) => FieldValues.String(value, "Value");
}
