using Microsoft.Extensions.Configuration;

namespace Portal.Core.Recipes;

/// <summary>Finds recipes by name ("seine-saint-denis") in the recipes folder, or by path.</summary>
public sealed class RecipeLocator(IConfiguration configuration)
{
    public string Directory { get; } = configuration["Portal:RecipesDirectory"] is { Length: > 0 } dir
        ? Path.GetFullPath(dir)
        : Path.Combine(AppContext.BaseDirectory, "recipes");

    /// <summary>The recipe the operator names (command line, setup): a name in the recipes folder or any file they point at.</summary>
    public string Resolve(string nameOrPath)
    {
        if (File.Exists(nameOrPath)) return Path.GetFullPath(nameOrPath);
        foreach (var candidate in Candidates(nameOrPath))
        {
            var path = Path.Combine(Directory, candidate);
            if (File.Exists(path)) return path;
        }
        throw new RecipeException(nameOrPath, null, null, $"no recipe file of that name or path (looked in {Directory}).");
    }

    /// <summary>
    /// A recipe that another one runs (the Recipes step): only a file under the recipes folder or under the folder of the
    /// recipe that names it, once every symbolic link is followed. Anything else is refused with the reason.
    /// </summary>
    public string ResolveIncluded(string name, string includingRecipe)
    {
        var roots = new[] { Path.GetDirectoryName(Path.GetFullPath(includingRecipe))!, Directory }.Distinct().ToList();
        foreach (var root in roots)
            foreach (var candidate in Candidates(name))
            {
                var path = Path.GetFullPath(Path.Combine(root, candidate));
                if (!roots.Any(r => SafePaths.IsUnder(path, r))) throw Outside(name);
                if (!File.Exists(path)) continue;
                var real = SafePaths.RealPath(path);
                if (!roots.Any(r => SafePaths.IsUnder(real, SafePaths.RealPath(r)))) throw Outside(name);
                return path;
            }
        throw new RecipeStepException($"no recipe \"{name}\" in the folder of this recipe ({roots[0]}) nor in the recipes folder ({Directory}).");
    }

    private static RecipeStepException Outside(string name) =>
        new($"\"{name}\" is outside the recipes folder and the folder of this recipe; a recipe may only run recipes from those folders.");

    private static string[] Candidates(string name) => [name, name + ".recipe.json", name + ".json"];

    public IEnumerable<string> List() =>
        System.IO.Directory.Exists(Directory) ? System.IO.Directory.EnumerateFiles(Directory, "*.recipe.json").Order() : [];
}
