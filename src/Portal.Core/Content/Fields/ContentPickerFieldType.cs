using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;

namespace Portal.Core.Content.Fields;

/// <summary>{ "ContentItemIds": ["…"] }: references to other items, of the types the settings allow.</summary>
public sealed class ContentPickerFieldType : IContentFieldType
{
    public string Name => "ContentPicker";

    public JsonNode? ReadForm(IFormCollection form, string prefix)
    {
        var ids = form[prefix + ".ContentItemIds"]
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(IdOf).Distinct().ToArray();
        return ids.Length == 0 ? null : new JsonObject { ["ContentItemIds"] = new JsonArray(ids.Select(i => (JsonNode)JsonValue.Create(i)).ToArray()) };
    }

    /// <summary>The searchable editor posts "Title [id]"; a list box or a script posts the id alone.</summary>
    public static string IdOf(string posted)
    {
        var open = posted.LastIndexOf(" [", StringComparison.Ordinal);
        return open >= 0 && posted.EndsWith(']') ? posted[(open + 2)..^1].Trim() : posted;
    }

    public static string Label(string title, string id) => $"{title} [{id}]";

    public static IReadOnlyList<string> Ids(JsonNode? value) =>
        value?["ContentItemIds"] is JsonArray a ? a.Select(n => n?.GetValue<string>()).OfType<string>().ToList() : [];

    public bool IsEmpty(JsonNode? value) => Ids(value).Count == 0;

    public async ValueTask ValidateAsync(FieldValidationContext context)
    {
        var ids = Ids(context.Value);
        if (ids.Count == 0)
        {
            if (context.Settings.Required) context.Fail(context.T["{0} is required.", context.Label]);
            return;
        }
        if (!context.Settings.Multiple && ids.Count > 1)
            context.Fail(context.T["{0}: choose only one item.", context.Label]);

        var db = context.Services.GetRequiredService<PortalDbContext>();
        var found = await db.ContentItems.AsNoTracking()
            .Where(i => ids.Contains(i.ContentItemId) && i.Latest)
            .Select(i => new { i.ContentItemId, i.ContentType })
            .ToListAsync();
        var allowed = context.Settings.ContentTypes;
        foreach (var id in ids)
        {
            var match = found.FirstOrDefault(f => f.ContentItemId == id);
            if (match is null)
                context.Fail(context.T["{0}: the item {1} does not exist.", context.Label, id]);
            else if (allowed.Count > 0 && !allowed.Contains(match.ContentType))
                context.Fail(context.T["{0}: the item {1} is not of an allowed type ({2}).", context.Label, id, string.Join(", ", allowed)]);
        }
    }

    public string? ToText(JsonNode? value) => Ids(value) is { Count: > 0 } ids ? string.Join(", ", ids) : null;
}
