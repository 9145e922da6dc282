using System.Text.Json.Nodes;
using Portal.Core.Content;

namespace Portal.Core.Recipes.Steps;

/// <summary>
/// { "name": "Content", "data": [ { "ContentItemId": "…", "ContentType": "Page", "Published": true, "TitlePart": {…} } ] }.
/// Items carry fixed ids: a second run updates them (a new version only where something changed), never duplicates.
/// </summary>
public sealed class ContentStep(IContentManager contentManager, IContentDefinitionStore? definitions = null) : IRecipeStep
{
    private static readonly HashSet<string> Metadata =
    [
        "ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published", "Owner", "Author",
        "Culture", "LocalizationSet", "CreatedUtc", "ModifiedUtc", "PublishedUtc", "Status",
    ];

    public string Name => "Content";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        if (context.Step["data"] is not JsonArray data) throw new RecipeStepException("the step needs a \"data\" array of items.");
        for (var i = 0; i < data.Count; i++)
        {
            if (data[i] is not JsonObject source) throw new RecipeStepException($"item {i + 1} is not a JSON object.");
            var id = source["ContentItemId"]?.GetValue<string>();
            var type = source["ContentType"]?.GetValue<string>();
            if (!IdGenerator.IsValid(id)) throw new RecipeStepException($"item {i + 1} needs a ContentItemId (letters, digits, - and _, at most 26).");
            if (string.IsNullOrWhiteSpace(type)) throw new RecipeStepException($"item {i + 1} ({id}) has no ContentType.");
            var publish = source["Published"]?.GetValue<bool>() ?? true;

            var parts = new JsonObject();
            foreach (var (key, value) in source)
                if (!Metadata.Contains(key) && value is JsonObject) parts[key] = value.DeepClone();

            var result = await ApplyAsync(id!, type!, source, parts, publish);
            if (!result.Succeeded)
                throw new RecipeStepException($"item {i + 1} ({id}, {type}) is invalid: {result.Message}");
        }
    }

    private async Task<ContentResult> ApplyAsync(string id, string type, JsonObject source, JsonObject parts, bool publish)
    {
        var latest = await contentManager.GetAsync(id, VersionOptions.Latest);
        if (latest is null)
        {
            var item = await contentManager.NewAsync(type);
            item.ContentItemId = id;
            item.Culture = source["Culture"]?.GetValue<string>() ?? "";
            item.LocalizationSet = source["LocalizationSet"]?.GetValue<string>();
            item.Owner = source["Owner"]?.GetValue<string>();
            item.DisplayText = source["DisplayText"]?.GetValue<string>() ?? "";
            item.Data = parts;
            return await contentManager.CreateAsync(item, publish);
        }
        if (latest.ContentType != type)
            return ContentResult.Refused($"the item exists already as a {latest.ContentType}.");

        // Compare with what this recipe would store: same parts and same publication state means nothing to do.
        var merged = (JsonObject)latest.Data.DeepClone();
        foreach (var (key, value) in parts) merged[key] = value?.DeepClone();
        // A version that leaves a culture-neutral field out keeps the value its localization set shares (as when created).
        if (definitions is not null && await definitions.GetTypeAsync(type) is { } definition)
            foreach (var (part, field) in (await CultureNeutralFields.OfAsync(definitions, definition)).Fields)
                if (parts[part] is JsonObject given && given[field] is null && latest.Field(part, field) is { } shared)
                    ((JsonObject)merged[part]!)[field] = shared.DeepClone();
        var candidate = await contentManager.NewAsync(type);
        candidate.ContentItemId = id;
        candidate.Culture = latest.Culture;
        candidate.Data = merged;
        await contentManager.ValidateAsync(candidate); // normalizes the candidate as a save would
        var unchanged = JsonNode.DeepEquals(candidate.Data, latest.Data);
        if (unchanged)
            return publish && !latest.Published ? await contentManager.PublishAsync(id)
                : !publish && latest.Published ? await contentManager.UnpublishAsync(id)
                : ContentResult.Ok(latest);
        return await contentManager.UpdateAsync(id, merged, latest.ConcurrencyStamp, publish);
    }
}
