using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Portal.Core.Content;
using Portal.Core.Localization;
using Portal.Core.Settings;

namespace Portal.Core.Recipes.Steps;

/// <summary>{ "name": "Settings", "SiteName": "…", "DefaultCulture": "fr", … }: sets the given site settings, keeps the others.</summary>
public sealed partial class SettingsStep(IDocumentStore documents, Cultures cultures) : IRecipeStep
{
    public string Name => "Settings";

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Color();

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var current = await documents.GetAsync<SiteSettings>(DocumentKeys.SiteSettings);
        var merged = JsonSerializer.SerializeToNode(current, ContentJson.Options)!.AsObject();
        var known = typeof(SiteSettings).GetProperties().Select(p => p.Name).ToHashSet();
        foreach (var (key, value) in context.Step)
        {
            if (key == "name") continue;
            if (!known.Contains(key)) throw new RecipeStepException($"unknown setting \"{key}\"; known settings: {string.Join(", ", known.Order())}.");
            merged[key] = value?.DeepClone();
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
        if (!Uri.TryCreate(settings.MapTileUrl.Replace("{s}", "a").Replace("{z}", "0").Replace("{x}", "0").Replace("{y}", "0").Replace("{r}", ""), UriKind.Absolute, out var tiles)
            || tiles.Scheme != Uri.UriSchemeHttps || !settings.MapTileUrl.Contains("{z}") || !settings.MapTileUrl.Contains("{x}") || !settings.MapTileUrl.Contains("{y}"))
            throw new RecipeStepException($"MapTileUrl \"{settings.MapTileUrl}\" must be an https address with {{z}}, {{x}} and {{y}}.");
        if (string.IsNullOrWhiteSpace(settings.MapAttribution)) throw new RecipeStepException("MapAttribution must name the tiles' source.");
        if (settings.MapCenter is not [var lat, var lon, var zoom] || lat is < -90 or > 90 || lon is < -180 or > 180 || zoom is < 0 or > 20)
            throw new RecipeStepException("MapCenter must be [latitude, longitude, zoom], zoom from 0 to 20.");
        if (settings.FreshnessMonths is < 1 or > 120)
            throw new RecipeStepException("FreshnessMonths must be a number of months from 1 to 120.");
        await documents.SaveAsync(DocumentKeys.SiteSettings, settings);
    }
}
