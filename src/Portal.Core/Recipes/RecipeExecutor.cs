using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;

namespace Portal.Core.Recipes;

/// <summary>
/// Runs a recipe's steps in order inside one database transaction: a malformed file, an unknown step or a step
/// that fails leaves the database as it was, and the error names the file, the step and the reason.
/// </summary>
public sealed class RecipeExecutor(IEnumerable<IRecipeStep> steps, RecipeLocator locator, PortalDbContext db, ILogger<RecipeExecutor> logger)
{
    private readonly Dictionary<string, IRecipeStep> _steps = steps.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
    private readonly Stack<string> _running = new();

    public static RecipeDescriptor Read(string path)
    {
        var file = Path.GetFileName(path);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new RecipeException(file, null, null, $"the file is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}): {ex.Message}");
        }
        if (root is not JsonObject recipe) throw new RecipeException(file, null, null, "the file must hold a JSON object.");
        var name = recipe["name"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(name)) throw new RecipeException(file, null, null, "the recipe has no \"name\".");
        if (recipe["steps"] is not JsonArray stepArray) throw new RecipeException(file, null, null, "the recipe has no \"steps\" array.");
        return new RecipeDescriptor(name, recipe["displayName"]?.GetValue<string>() ?? name, recipe["description"]?.GetValue<string>() ?? "", path, stepArray);
    }

    public async Task<RecipeDescriptor> ExecuteAsync(string nameOrPath, CancellationToken cancellationToken = default)
    {
        var path = locator.Resolve(nameOrPath);
        var owned = db.Database.CurrentTransaction is null;
        await using var transaction = owned ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var recipe = await RunAsync(path, cancellationToken);
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
            return recipe;
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
            }
            throw;
        }
    }

    private async Task<RecipeDescriptor> RunAsync(string path, CancellationToken cancellationToken)
    {
        var file = Path.GetFileName(path);
        if (_running.Contains(path)) throw new RecipeException(file, null, null, $"it includes itself through {string.Join(" -> ", _running.Reverse().Select(Path.GetFileName))}.");
        var recipe = Read(path);

        // Check every step's name before running any, so that a typo at step 9 does not cost steps 1 to 8.
        var plan = new List<(int Number, string Name, JsonObject Step, IRecipeStep Handler)>();
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            if (recipe.Steps[i] is not JsonObject step) throw new RecipeException(file, i + 1, null, "a step must be a JSON object.");
            var name = step["name"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (string.IsNullOrWhiteSpace(name)) throw new RecipeException(file, i + 1, null, "the step has no \"name\".");
            if (!_steps.TryGetValue(name, out var handler))
                throw new RecipeException(file, i + 1, name, $"unknown step \"{name}\"; known steps: {string.Join(", ", _steps.Keys.Order())}.");
            plan.Add((i + 1, name, step, handler));
        }

        _running.Push(path);
        try
        {
            foreach (var (number, name, step, handler) in plan)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    await handler.ExecuteAsync(new RecipeStepContext(recipe, number, step, nested => RunAsync(locator.ResolveIncluded(nested, path), cancellationToken)));
                }
                catch (RecipeException) { throw; }
                catch (Exception ex) when (ex is RecipeStepException or JsonException or InvalidOperationException or ArgumentException or FormatException or DbUpdateException or IOException or UnauthorizedAccessException)
                {
                    throw new RecipeException(file, number, name, ex is DbUpdateException ? ex.InnerException?.Message ?? ex.Message : ex.Message, ex);
                }
            }
        }
        finally { _running.Pop(); }
        logger.LogInformation("Recipe {Recipe} ({File}) applied: {Steps} steps.", recipe.Name, file, plan.Count);
        return recipe;
    }
}
