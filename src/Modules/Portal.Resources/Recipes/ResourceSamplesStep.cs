using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Recipes;
using Portal.Core.Recipes.Steps;
using Portal.Media.Data;
using Portal.Media.Services;

namespace Portal.Resources.Recipes;

/// <summary>
/// { "name": "ResourceSamples", "Documents": [ { "Key": "guide-fr", "FileName": "…pdf", "Title": "…", "Culture": "fr", "Pages": ["…", "…"] } ],
///   "data": [ items as in the Content step, where "media:guide-fr" stands for the id of that generated document ] }.
/// The PDF files are written at seed time and put in the media library; a second run reuses them.
/// </summary>
public sealed class ResourceSamplesStep(MediaLibrary library, MediaDbContext media, IContentManager contentManager) : IRecipeStep
{
    public string Name => "ResourceSamples";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in context.Step["Documents"] as JsonArray ?? [])
        {
            var key = document?["Key"]?.GetValue<string>() ?? throw new RecipeStepException("a document needs a \"Key\".");
            var fileName = document["FileName"]?.GetValue<string>() ?? key + ".pdf";
            var title = document["Title"]?.GetValue<string>() ?? key;
            var culture = document["Culture"]?.GetValue<string>();
            var existing = await media.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Title == title && m.Culture == culture && m.Kind == "Document");
            if (existing is not null) { ids[key] = existing.Id; continue; }
            var pages = (document["Pages"] as JsonArray ?? []).Select(p => p?.GetValue<string>() ?? "").ToList();
            var bytes = SamplePdf.Write(title, pages);
            var result = await library.UploadAsync(new MediaUpload(fileName, bytes.Length, () => new MemoryStream(bytes)),
                new MediaMetadata { Title = title, Culture = culture, Tags = document["Tags"]?.GetValue<string>() ?? "exemple" });
            if (!result.Succeeded) throw new RecipeStepException($"the document {key} was refused: {string.Join(" ", result.Errors.Values)}");
            ids[key] = result.Item!.Id;
        }
        if (context.Step["data"] is not JsonArray data) return;
        var text = data.ToJsonString();
        foreach (var (key, id) in ids) text = text.Replace($"\"media:{key}\"", $"\"{id}\"", StringComparison.Ordinal);
        var step = new JsonObject { ["name"] = "Content", ["data"] = JsonNode.Parse(text) };
        await new ContentStep(contentManager).ExecuteAsync(new RecipeStepContext(context.Recipe, context.Number, step, context.RunRecipeAsync));
    }
}
