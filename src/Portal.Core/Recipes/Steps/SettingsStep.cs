using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Portal.Core.Content;
using Portal.Core.Localization;
using Portal.Core.Settings;

namespace Portal.Core.Recipes.Steps;

/// <summary>
/// { "name": "Settings", "SiteName": "…", "DefaultCulture": "fr", "MapCenter": […], … }: sets the given settings, keeps the
/// others. The kernel's own (<see cref="SiteSettings"/>) are saved here; a module's settings go to the module that owns
/// them (<see cref="IModuleSettings"/>).
/// </summary>
public sealed partial class SettingsStep(IDocumentStore documents, Cultures cultures, IEnumerable<IModuleSettings> modules) : IRecipeStep
{
    public string Name => "Settings";

    private static readonly HashSet<string> Texts = typeof(SiteSettings).GetProperties().Where(p => p.PropertyType == typeof(LocalizedText)).Select(p => p.Name).ToHashSet();

    /// <summary>A text sets the cultures it names and keeps the others; a bare string sets the default culture's.</summary>
    private JsonNode? MergeText(JsonNode? current, JsonNode? value)
    {
        LocalizedText text, given;
        try
        {
            text = current.Deserialize<LocalizedText>(ContentJson.Options) ?? LocalizedText.Empty;
            given = value.Deserialize<LocalizedText>(ContentJson.Options) ?? LocalizedText.Empty;
        }
        catch (JsonException) { return value?.DeepClone(); } // reported with the others below
        if (value is JsonValue) text = text.With(cultures.Default, null);
        foreach (var (culture, each) in given.Entries) text = text.With(culture, each);
        return JsonSerializer.SerializeToNode(text, ContentJson.Options);
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Color();

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var current = await documents.GetAsync<SiteSettings>(DocumentKeys.SiteSettings);
        var merged = JsonSerializer.SerializeToNode(current, ContentJson.Options)!.AsObject();
        var known = typeof(SiteSettings).GetProperties().Where(p => p.CanWrite).Select(p => p.Name).Concat(SiteSettings.LegacyKeys).ToHashSet();
        var owners = modules.SelectMany(m => m.Keys.Select(k => (Key: k, Module: m))).ToDictionary(o => o.Key, o => o.Module);
        var forModules = new Dictionary<IModuleSettings, JsonObject>();
        foreach (var (key, value) in context.Step)
        {
            if (key == "name") continue;
            if (owners.TryGetValue(key, out var owner))
            {
                if (!forModules.TryGetValue(owner, out var values)) forModules[owner] = values = [];
                values[key] = value?.DeepClone();
                continue;
            }
            if (!known.Contains(key)) throw new RecipeStepException($"unknown setting \"{key}\"; known settings: {string.Join(", ", known.Concat(owners.Keys).Order())}.");
            merged[key] = Texts.Contains(key) ? MergeText(merged[key], value) : value?.DeepClone();
        }
        SiteSettings settings;
        try { settings = merged.Deserialize<SiteSettings>(ContentJson.Options)!; }
        catch (JsonException ex) { throw new RecipeStepException($"a setting has a value of the wrong kind ({ex.Path}): {ex.Message}"); }

        if (!cultures.IsSupported(settings.DefaultCulture)) throw new RecipeStepException($"DefaultCulture \"{settings.DefaultCulture}\" is not one of {string.Join(", ", cultures.Supported)}.");
        if (settings.SupportedCultures.Count == 0 || settings.SupportedCultures.Any(c => !cultures.IsSupported(c)))
            throw new RecipeStepException($"SupportedCultures must list some of {string.Join(", ", cultures.Supported)}.");
        if (!settings.SupportedCultures.Contains(settings.DefaultCulture)) throw new RecipeStepException("DefaultCulture must be one of SupportedCultures.");
        foreach (var (name, color) in new[] { ("PrimaryColor", settings.PrimaryColor), ("AccentColor", settings.AccentColor) })
            if (!Color().IsMatch(color)) throw new RecipeStepException($"{name} \"{color}\" must be a colour such as #1f4e8c.");
        if (settings.ContactEmail is { } email && !Content.Fields.EmailFieldType.IsValid(email))
            throw new RecipeStepException($"ContactEmail \"{email}\" is not an e-mail address.");
        await documents.SaveAsync(DocumentKeys.SiteSettings, settings);
        foreach (var (module, values) in forModules) await module.ApplyAsync(values);
    }
}
