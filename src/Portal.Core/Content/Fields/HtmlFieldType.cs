using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Portal.Core.Security;

namespace Portal.Core.Content.Fields;

/// <summary>{ "Html": "…" }, sanitized on the way in: only harmless tags and attributes are kept.</summary>
public sealed class HtmlFieldType(IHtmlCleaner cleaner) : IContentFieldType
{
    public string Name => "Html";

    public JsonNode? ReadForm(IFormCollection form, string prefix) =>
        FieldValues.Form(form, prefix + ".Html") is { } html ? FieldValues.Of("Html", html) : null;

    public bool IsEmpty(JsonNode? value) => string.IsNullOrWhiteSpace(HtmlCleaner.TextOf(FieldValues.String(value, "Html") ?? ""));

    public JsonNode? Normalize(JsonNode? value, FieldSettings settings) =>
        FieldValues.String(value, "Html") is { } html ? FieldValues.Of("Html", cleaner.Sanitize(html)) : null;

    public ValueTask ValidateAsync(FieldValidationContext context)
    {
        var html = FieldValues.String(context.Value, "Html");
        if (IsEmpty(context.Value))
        {
            if (context.Settings.Required) context.Fail(context.T["{0} is required.", context.Label]);
        }
        else if (context.Settings.MaxLength is { } max && html!.Length > max)
            context.Fail(context.T["{0} must be at most {1} characters long (it has {2}).", context.Label, max, html.Length]);
        return ValueTask.CompletedTask;
    }

    public string? ToText(JsonNode? value) => FieldValues.String(value, "Html") is { } html ? HtmlCleaner.TextOf(html) : null;
}
