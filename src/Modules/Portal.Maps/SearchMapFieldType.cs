using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Content.Fields;
using Portal.Search.Services;

namespace Portal.Maps;

/// <summary>
/// { "Query": "f.supportType=repit&amp;f.territory=departement-57" }: a map widget an editor places on a page, showing
/// the entries of a preset search (the search page's parameters), with the list of the first ones beneath it.
/// </summary>
public sealed class SearchMapFieldType : IContentFieldType
{
    public const string TypeName = "SearchMap";

    public string Name => TypeName;

    public JsonNode? ReadForm(IFormCollection form, string prefix) =>
        FieldValues.Form(form, prefix + ".Query") is { } query ? new JsonObject { ["Query"] = query } : null;

    public bool IsEmpty(JsonNode? value) => FieldValues.String(value, "Query") is null;

    public JsonNode? Normalize(JsonNode? value, Portal.Core.Content.FieldSettings settings)
    {
        var query = FieldValues.String(value, "Query")?.Trim();
        if (string.IsNullOrEmpty(query)) return null;
        // An address pasted from the search page or the map keeps only its parameters.
        var mark = query.IndexOf('?');
        if (mark >= 0) query = query[(mark + 1)..];
        return new JsonObject { ["Query"] = query };
    }

    public static IQueryCollection Parse(string query) => new QueryCollection(QueryHelpers.ParseQuery(query.StartsWith('?') ? query : "?" + query));

    public ValueTask ValidateAsync(FieldValidationContext context)
    {
        var query = FieldValues.String(context.Value, "Query");
        if (query is null)
        {
            if (context.Settings.Required) context.Fail(context.T["{0} is required.", context.Label]);
            return ValueTask.CompletedTask;
        }
        if (query.Length > 1000) context.Fail(context.T["{0} must be at most {1} characters long (it has {2}).", context.Label, 1000, query.Length]);
        var options = context.Services.GetRequiredService<IOptions<SearchOptions>>().Value;
        var localizer = context.Services.GetRequiredService<IStringLocalizer<SearchService>>();
        var read = new SearchRequestReader(options, localizer).Read(Parse(query));
        if (read.Query is null) context.Fail(context.T["{0}: {1}", context.Label, read.Error ?? ""]);
        return ValueTask.CompletedTask;
    }

    public string? ToText(JsonNode? value) => FieldValues.String(value, "Query");
}
