using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Core.Setup;

namespace Portal.Core.Hosting;

/// <summary>An operator's command, <c>dotnet run --project src/Portal.Web -- &lt;name&gt; …</c>; modules register their own.</summary>
public interface IPortalCommand
{
    string Name { get; }

    /// <summary>One line: the arguments and what the command does.</summary>
    string Usage { get; }

    /// <summary>Runs with the site's services (the database is migrated first); returns the process exit code.</summary>
    Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error);
}

/// <summary><c>recipe &lt;file&gt;</c>: applies a recipe to the configured database.</summary>
public sealed class RecipeCommand : IPortalCommand
{
    public string Name => "recipe";
    public string Usage => "recipe <name or path of a .recipe.json file>: applies a recipe in one transaction";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count != 1)
        {
            await error.WriteLineAsync("Usage: " + Usage);
            return 64;
        }
        try
        {
            var recipe = await services.GetRequiredService<RecipeExecutor>().ExecuteAsync(args[0]);
            await output.WriteLineAsync($"Recipe {recipe.Name} applied ({recipe.Steps.Count} steps).");
            return 0;
        }
        catch (RecipeException ex)
        {
            await error.WriteLineAsync($"{ex.Message} Nothing of the recipe was applied.");
            return 2;
        }
    }
}

public static class PortalCommands
{
    /// <summary>A first argument that is a bare word (not an option such as --urls or a Key=Value setting) names a command.</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && args[0].Length > 0 && char.IsAsciiLetterLower(args[0][0]) && !args[0].Contains('=');

    /// <summary>
    /// A path given on the command line, relative to the shell's directory: <c>dotnet run --project</c> starts the
    /// program in the project's folder, but the shell's own folder is still in PWD.
    /// </summary>
    public static string ResolvePath(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        var shell = Environment.GetEnvironmentVariable("PWD");
        return string.IsNullOrEmpty(shell) || !System.IO.Directory.Exists(shell) ? Path.GetFullPath(path) : Path.GetFullPath(Path.Combine(shell, path));
    }

    /// <summary>Commands that read or write content need a site: says how to make one when there is none yet.</summary>
    public static async Task<bool> IsSetUpAsync(IServiceProvider services, TextWriter error)
    {
        if (await services.GetRequiredService<Portal.Core.Settings.IDocumentStore>().ExistsAsync(Portal.Core.Settings.DocumentKeys.SiteState)) return true;
        await error.WriteLineAsync("The site is not set up yet: start it once (dotnet run --project src/Portal.Web), which runs the setup recipe, then run this command again.");
        return false;
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output, TextWriter error)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetServices<IPortalCommand>().ToList();
        var command = commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            await error.WriteLineAsync($"Unknown command \"{args[0]}\". Commands:");
            foreach (var c in commands.OrderBy(c => c.Name)) await error.WriteLineAsync("  " + c.Usage);
            return 64;
        }
        await scope.ServiceProvider.GetRequiredService<SetupService>().MigrateAsync();
        return await command.RunAsync(scope.ServiceProvider, args[1..], output, error);
    }
}
