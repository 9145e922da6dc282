namespace Portal.Core.Recipes.Steps;

/// <summary>{ "name": "Recipes", "Values": [ { "name": "portal-base" } ] }: runs other recipes, in this one's transaction.</summary>
public sealed class RecipesStep : IRecipeStep
{
    public string Name => "Recipes";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        if (context.Step["Values"] is not System.Text.Json.Nodes.JsonArray values) throw new RecipeStepException("the step needs a \"Values\" array of { \"name\": … }.");
        foreach (var value in values)
        {
            var name = value?["name"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(name)) throw new RecipeStepException("each entry of \"Values\" needs a \"name\".");
            await context.RunRecipeAsync(name);
        }
    }
}
