using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Core.Setup;

namespace Portal.Core.Hosting;

/// <summary>The operator's commands: <c>dotnet run --project src/Portal.Web -- recipe &lt;file&gt;</c>.</summary>
public static class PortalCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "recipe";

    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output, TextWriter error)
    {
        switch (args[0])
        {
            case "recipe" when args.Length == 2:
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    try
                    {
                        await scope.ServiceProvider.GetRequiredService<SetupService>().MigrateAsync();
                        var recipe = await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(args[1]);
                        await output.WriteLineAsync($"Recipe {recipe.Name} applied ({recipe.Steps.Count} steps).");
                        return 0;
                    }
                    catch (RecipeException ex)
                    {
                        await error.WriteLineAsync($"{ex.Message} Nothing of the recipe was applied.");
                        return 2;
                    }
                }
            default:
                await error.WriteLineAsync("Usage: recipe <name or path of a .recipe.json file>");
                return 64;
        }
    }
}
