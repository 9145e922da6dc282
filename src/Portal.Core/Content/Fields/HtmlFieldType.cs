using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Localization;
using Portal.Core.Security;

namespace Portal.Core.Content.Fields;

/// <summary>
/// { "Html": "…" }, sanitized on the way in: only harmless tags and attributes are kept. Every image must say what it shows
/// (a non-empty <c>alt</c>, in the language of the item), or the field is refused with the rest of the form kept.
/// </summary>
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
        if (!string.IsNullOrEmpty(html))
        {
            var missing = ImagesWithoutAlt(html);
            if (missing.Count > 0)
            {
                var cultures = context.Services.GetRequiredService<Cultures>();
                var culture = cultures.Find(context.Item.Data["LocalizationPart"]?["Culture"]?["Text"]?.GetValue<string>() ?? context.Item.Culture)
                    ?? cultures.Find(cultures.Current);
                foreach (var image in missing)
                    context.Fail(context.T["{0}: the image “{1}” has no alternative text ({2}); describe what it shows for those who cannot see it.", context.Label, image, culture?.Name ?? ""]);
            }
        }
        return ValueTask.CompletedTask;
    }

    private static readonly HtmlParser Parser = new();

    /// <summary>The file names of the images whose alternative text is missing or blank.</summary>
    public static IReadOnlyList<string> ImagesWithoutAlt(string html)
    {
        if (!html.Contains("<img", StringComparison.OrdinalIgnoreCase)) return [];
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        return document.QuerySelectorAll("img")
            .Where(img => string.IsNullOrWhiteSpace(img.GetAttribute("alt")))
            .Select(img => NameOf(img.GetAttribute("src") ?? ""))
            .ToList();
    }

    private static string NameOf(string src)
    {
        var path = src.Split('?', '#')[0].TrimEnd('/');
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name.Length == 0 ? src : Uri.UnescapeDataString(name);
    }

    public string? ToText(JsonNode? value) => FieldValues.String(value, "Html") is { } html ? HtmlCleaner.TextOf(html) : null;
}
