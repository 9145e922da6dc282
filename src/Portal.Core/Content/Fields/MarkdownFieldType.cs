using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Content.Fields;

/// <summary>{ "Markdown": "…" }; shown as HTML rendered by Markdig, raw HTML disabled and the output sanitized.</summary>
public sealed class MarkdownFieldType : IContentFieldType
{
    public string Name => "Markdown";

    public JsonNode? ReadForm(IFormCollection form, string prefix) =>
        FieldValues.Form(form, prefix + ".Markdown") is { } text ? FieldValues.Of("Markdown", text.Replace("\r\n", "\n")) : null;

    public bool IsEmpty(JsonNode? value) => FieldValues.String(value, "Markdown") is null;

    public ValueTask ValidateAsync(FieldValidationContext context)
    {
        var text = FieldValues.String(context.Value, "Markdown");
        if (text is null)
        {
            if (context.Settings.Required) context.Fail(context.T["{0} is required.", context.Label]);
        }
        else if (context.Settings.MaxLength is { } max && text.Length > max)
            context.Fail(context.T["{0} must be at most {1} characters long (it has {2}).", context.Label, max, text.Length]);
        return ValueTask.CompletedTask;
    }

    public string? ToText(JsonNode? value) => FieldValues.String(value, "Markdown") is { } md ? Markdig.Markdown.ToPlainText(md).Trim() : null;
}
