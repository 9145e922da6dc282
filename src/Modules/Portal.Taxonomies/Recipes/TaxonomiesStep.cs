using System.Text.Json;
using Portal.Core.Content;
using Portal.Core.Recipes;
using Portal.Taxonomies.Models;
using Portal.Taxonomies.Services;

namespace Portal.Taxonomies.Recipes;

/// <summary>{ "name": "Taxonomies", "Vocabularies": [ { "Name": "…", "DisplayName": "…", "DisplayNameDe": "…", "Terms": [ … ] } ] }.</summary>
public sealed class TaxonomiesStep(VocabularyStore store) : IRecipeStep
{
    public string Name => "Taxonomies";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        if (context.Step["Vocabularies"] is not System.Text.Json.Nodes.JsonArray list) throw new RecipeStepException("the step needs a \"Vocabularies\" array.");
        for (var i = 0; i < list.Count; i++)
        {
            Vocabulary? vocabulary;
            try { vocabulary = list[i]?.Deserialize<Vocabulary>(ContentJson.Options); }
            catch (JsonException ex) { throw new RecipeStepException($"vocabulary {i + 1} is malformed ({ex.Path}): {ex.Message}"); }
            if (vocabulary is null) throw new RecipeStepException($"vocabulary {i + 1} is empty.");
            var result = await store.SaveAsync(vocabulary);
            if (!result.Succeeded) throw new RecipeStepException($"vocabulary {i + 1} ({vocabulary.Name}) is invalid: {result.Message}");
        }
    }
}
