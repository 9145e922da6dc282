using System.Text.Json.Nodes;

namespace Portal.Core.Recipes;

/// <summary>One kind of recipe step, registered by the module that owns what it sets up.</summary>
public interface IRecipeStep
{
    string Name { get; }

    Task ExecuteAsync(RecipeStepContext context);
}

public sealed class RecipeStepContext(RecipeDescriptor recipe, int number, JsonObject step, Func<string, Task> runRecipe)
{
    public RecipeDescriptor Recipe { get; } = recipe;
    /// <summary>1-based, as a person counts steps.</summary>
    public int Number { get; } = number;
    public JsonObject Step { get; } = step;

    /// <summary>Runs another recipe (by name or path) inside this one's transaction.</summary>
    public Task RunRecipeAsync(string nameOrPath) => runRecipe(nameOrPath);
}

public sealed record RecipeDescriptor(string Name, string DisplayName, string Description, string FilePath, JsonArray Steps);

/// <summary>A recipe that could not be applied: nothing of it was kept.</summary>
public sealed class RecipeException(string file, int? step, string? stepName, string reason, Exception? inner = null)
    : Exception(step is null ? $"Recipe {file}: {reason}" : $"Recipe {file}, step {step} ({stepName}): {reason}", inner)
{
    public string File { get; } = file;
    public int? Step { get; } = step;
    public string? StepName { get; } = stepName;
    public string Reason { get; } = reason;
}

/// <summary>Thrown by a step for bad data in the recipe; the executor adds the file and step.</summary>
public sealed class RecipeStepException(string reason) : Exception(reason);
