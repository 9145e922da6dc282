using Microsoft.Extensions.Configuration;

namespace Portal.Core.Recipes;

/// <summary>Finds recipes by name ("seine-saint-denis") in the recipes folder, or by path.</summary>
public sealed class RecipeLocator(IConfiguration configuration)
{
    public string Directory { get; } = configuration["Portal:RecipesDirectory"] is { Length: > 0 } dir
        ? Path.GetFullPath(dir)
        : Path.Combine(AppContext.BaseDirectory, "recipes");

    public string Resolve(string nameOrPath)
    {
        if (File.Exists(nameOrPath)) return Path.GetFullPath(nameOrPath);
        foreach (var candidate in new[] { nameOrPath, nameOrPath + ".recipe.json", nameOrPath + ".json" })
        {
            var path = Path.Combine(Directory, candidate);
            if (File.Exists(path)) return path;
        }
        throw new RecipeException(nameOrPath, null, null, $"no recipe file of that name or path (looked in {Directory}).");
    }

    public IEnumerable<string> List() =>
        System.IO.Directory.Exists(Directory) ? System.IO.Directory.EnumerateFiles(Directory, "*.recipe.json").Order() : [];
}
