using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Content.Fields;

/// <summary>{ "Text": "…" }; a single line, a text area, or one choice among options.</summary>
public sealed class TextFieldType : IContentFieldType
{
    public string Name => "Text";

    public JsonNode? ReadForm(IFormCollection form, string prefix) =>
        FieldValues.Form(form, prefix + ".Text") is { } text ? FieldValues.Of("Text", text) : null;

    public bool IsEmpty(JsonNode? value) => FieldValues.String(value, "Text") is null;

    public JsonNode? Normalize(JsonNode? value, FieldSettings settings) =>
        FieldValues.String(value, "Text") is { } text ? FieldValues.Of("Text", text.Trim()) : null;

    public ValueTask ValidateAsync(FieldValidationContext context)
    {
        var text = FieldValues.String(context.Value, "Text");
        var s = context.Settings;
        if (text is null)
        {
            if (s.Required) context.Fail(context.T["{0} is required.", context.Label]);
            return ValueTask.CompletedTask;
        }
        if (s.MaxLength is { } max && text.Length > max)
            context.Fail(context.T["{0} must be at most {1} characters long (it has {2}).", context.Label, max, text.Length]);
        if (s.MinLength is { } min && text.Length < min)
            context.Fail(context.T["{0} must be at least {1} characters long.", context.Label, min]);
        if (!string.IsNullOrEmpty(s.Pattern) && !Regex.IsMatch(text, "^(?:" + s.Pattern + ")$", RegexOptions.None, TimeSpan.FromMilliseconds(200)))
            context.Fail(string.IsNullOrEmpty(s.PatternMessage) ? context.T["{0} does not have the expected format.", context.Label] : context.T[s.PatternMessage, context.Label]);
        if (s.Options.Count > 0 && s.Options.All(o => o.Value != text))
            context.Fail(context.T["{0}: choose one of the proposed values.", context.Label]);
        return ValueTask.CompletedTask;
    }

    public string? ToText(JsonNode? value) => FieldValues.String(value, "Text");
}
