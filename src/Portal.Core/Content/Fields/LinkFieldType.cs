using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Portal.Core.Hosting;

namespace Portal.Core.Content.Fields;

/// <summary>{ "Url": "https://…", "Text": "…" }: an absolute http(s) address or a path of this site.</summary>
public sealed class LinkFieldType : IContentFieldType
{
    public string Name => "Link";

    public FieldEditorLayout EditorLayout(FieldSettings settings) => FieldEditorLayout.Group;

    public JsonNode? ReadForm(IFormCollection form, string prefix)
    {
        var url = FieldValues.Form(form, prefix + ".Url");
        var text = FieldValues.Form(form, prefix + ".Text");
        return url is null && text is null ? null : new JsonObject { ["Url"] = url, ["Text"] = text };
    }

    public bool IsEmpty(JsonNode? value) => FieldValues.String(value, "Url") is null;

    public static bool IsValidUrl(string url) =>
        LocalPath.IsValid(url)
        || !LocalPath.IsForged(url) && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Contains('.');

    public ValueTask ValidateAsync(FieldValidationContext context)
    {
        var url = FieldValues.String(context.Value, "Url");
        if (url is null)
        {
            if (context.Settings.Required) context.Fail(context.T["{0} is required.", context.Label]);
            else if (FieldValues.String(context.Value, "Text") is not null) context.Fail(context.T["{0}: a link text needs an address.", context.Label]);
        }
        else if (LocalPath.IsForged(url))
            context.Fail(context.T["{0}: a path of this site starts with a single / followed by a name, such as /fr/carte (a second / or a backslash after it leads to another site).", context.Label]);
        else if (!IsValidUrl(url))
            context.Fail(context.T["{0} must be a web address starting with https:// (or a path of this site starting with /).", context.Label]);
        else if (context.Settings.MaxLength is { } max && url.Length > max)
            context.Fail(context.T["{0} must be at most {1} characters long (it has {2}).", context.Label, max, url.Length]);
        return ValueTask.CompletedTask;
    }

    public string? ToText(JsonNode? value) => FieldValues.String(value, "Text") ?? FieldValues.String(value, "Url");
}
