using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Core.Localization;
using Portal.Media.Data;
using Portal.Media.Models;

namespace Portal.Media.Fields;

/// <summary>
/// { "MediaIds": ["…"] }: files of the library. Settings.Extra.Kind ("Image" or "Document") limits what may be chosen;
/// an image goes in only with its alternative text in the item's language (in every language for an item without one).
/// </summary>
public sealed class MediaPickerFieldType : IContentFieldType
{
    public string Name => "MediaPicker";

    public static string? KindOf(FieldSettings settings) => settings.Extra?["Kind"]?.GetValue<string>();

    public JsonNode? ReadForm(IFormCollection form, string prefix)
    {
        var ids = form[prefix + ".MediaIds"]
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct().ToArray();
        return ids.Length == 0 ? null : new JsonObject { ["MediaIds"] = new JsonArray(ids.Select(i => (JsonNode)JsonValue.Create(i)).ToArray()) };
    }

    public static IReadOnlyList<string> Ids(JsonNode? value) =>
        value?["MediaIds"] is JsonArray a ? a.Select(n => n?.GetValue<string>()).OfType<string>().ToList() : [];

    public bool IsEmpty(JsonNode? value) => Ids(value).Count == 0;

    public async ValueTask ValidateAsync(FieldValidationContext context)
    {
        var ids = Ids(context.Value);
        if (ids.Count == 0)
        {
            if (context.Settings.Required) context.Fail(context.T["{0} is required.", context.Label]);
            return;
        }
        if (!context.Settings.Multiple && ids.Count > 1) context.Fail(context.T["{0}: choose only one file.", context.Label]);

        var found = await context.Services.GetRequiredService<MediaDbContext>().MediaItems.AsNoTracking()
            .Where(m => ids.Contains(m.Id)).ToListAsync();
        var cultures = context.Services.GetRequiredService<Cultures>();
        var itemCulture = cultures.Find(context.Item.Data["LocalizationPart"]?["Culture"]?["Text"]?.GetValue<string>() ?? context.Item.Culture);
        var wanted = KindOf(context.Settings);
        foreach (var id in ids)
        {
            var media = found.FirstOrDefault(m => m.Id == id);
            if (media is null) context.Fail(context.T["{0}: the file {1} is not in the media library.", context.Label, id]);
            else if (wanted is not null && media.Kind != wanted)
                context.Fail(wanted == MediaKind.Image ? context.T["{0}: choose an image.", context.Label] : context.T["{0}: choose a document.", context.Label]);
            else if (media.IsImage)
                foreach (var culture in itemCulture is null ? cultures.All : [itemCulture])
                    if (media.AltFor(culture.Code) is null)
                        context.Fail(context.T["{0}: the image “{1}” has no alternative text in {2}; add it in the media library first.", context.Label, media.FileName, culture.Name]);
        }
    }

    public string? ToText(JsonNode? value) => Ids(value) is { Count: > 0 } ids ? string.Join(", ", ids) : null;
}
