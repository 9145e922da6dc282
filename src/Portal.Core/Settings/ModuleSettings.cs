using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Core.Content;
using Portal.Core.Recipes;

namespace Portal.Core.Settings;

/// <summary>
/// A module's own settings, kept in the document store under a key the module owns. The recipe's Settings step hands it
/// the settings it names (<see cref="Keys"/>), so that one step still sets the whole site.
/// </summary>
public interface IModuleSettings
{
    /// <summary>The setting names this module owns in a recipe's Settings step.</summary>
    IReadOnlyCollection<string> Keys { get; }

    /// <summary>Sets the given values over the stored ones, keeps the others; a <see cref="RecipeStepException"/> when one is invalid.</summary>
    Task ApplyAsync(JsonObject values);
}

/// <summary>Settings stored as one document <typeparamref name="T"/>, each of its public properties a setting of the recipe step.</summary>
public abstract class ModuleSettings<T>(IDocumentStore documents) : IModuleSettings where T : class, new()
{
    /// <summary>The document's key in the store.</summary>
    protected abstract string DocumentKey { get; }

    public IReadOnlyCollection<string> Keys { get; } = typeof(T).GetProperties().Select(p => p.Name).ToArray();

    public Task<T> GetAsync() => documents.GetAsync<T>(DocumentKey);

    public Task<bool> ExistsAsync() => documents.ExistsAsync(DocumentKey);

    public Task SaveAsync(T settings) => documents.SaveAsync(DocumentKey, settings);

    /// <summary>Why the settings cannot be saved, or null.</summary>
    protected abstract string? Validate(T settings);

    public async Task ApplyAsync(JsonObject values)
    {
        var merged = JsonSerializer.SerializeToNode(await GetAsync(), ContentJson.Options)!.AsObject();
        foreach (var (key, value) in values) merged[key] = value?.DeepClone();
        T settings;
        try { settings = merged.Deserialize<T>(ContentJson.Options)!; }
        catch (JsonException ex) { throw new RecipeStepException($"a setting has a value of the wrong kind ({ex.Path}): {ex.Message}"); }
        if (Validate(settings) is { } error) throw new RecipeStepException(error);
        await SaveAsync(settings);
    }

    /// <summary>
    /// For a module's data migration: the values of its settings that older sites kept in the site settings document,
    /// or null when there are none (or the module's own document exists already).
    /// </summary>
    public async Task<T?> FromSiteSettingsAsync(Func<Task<string?>> siteSettingsJson)
    {
        if (await ExistsAsync() || await siteSettingsJson() is not { } json || JsonNode.Parse(json) is not JsonObject site) return null;
        var own = new JsonObject();
        foreach (var key in Keys)
            if (site[key] is { } value) own[key] = value.DeepClone();
        return own.Count == 0 ? null : own.Deserialize<T>(ContentJson.Options);
    }
}
