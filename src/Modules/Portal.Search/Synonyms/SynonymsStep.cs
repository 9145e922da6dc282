using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Core.Content;
using Portal.Core.Recipes;

namespace Portal.Search.Synonyms;

/// <summary>
/// { "name": "Synonyms", "Groups": [ { "Culture": "fr", "Terms": ["fauteuil roulant", "handicap moteur", "PMR"] },
/// { "Culture": "*", "Terms": ["accueil de jour", "Tagespflege"] } ] }: replaces the groups of the cultures it names
/// ("*" = every culture), checked first, so that a wrong group leaves them all as they were.
/// </summary>
public sealed class SynonymsStep(SynonymStore store) : IRecipeStep
{
    public string Name => "Synonyms";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        if (context.Step["Groups"] is not JsonArray list) throw new RecipeStepException("the step needs a \"Groups\" array.");
        var groups = new List<SynonymGroup>();
        for (var i = 0; i < list.Count; i++)
        {
            SynonymGroup? group;
            try { group = list[i]?.Deserialize<SynonymGroup>(ContentJson.Options); }
            catch (JsonException ex) { throw new RecipeStepException($"group {i + 1} is malformed ({ex.Path}): {ex.Message}"); }
            if (group is null) throw new RecipeStepException($"group {i + 1} is empty.");
            if (string.IsNullOrWhiteSpace(group.Culture)) throw new RecipeStepException($"group {i + 1} has no Culture (a culture of the site, or \"*\" for every one).");
            groups.Add(group);
        }
        var errors = await store.ReplaceAsync(groups.Select(g => g.Culture).ToHashSet(StringComparer.Ordinal), groups);
        if (errors.Count > 0)
        {
            var (index, error) = errors[0];
            var first = groups[index].Terms.FirstOrDefault() ?? "";
            throw new RecipeStepException($"group {index + 1} ({first}): {Describe(error)}" + (errors.Count > 1 ? $" ({errors.Count - 1} more problems)" : ""));
        }
    }

    private static string Describe(SynonymError error) => error.Problem switch
    {
        SynonymProblem.UnknownCulture => $"the culture \"{error.Detail}\" is not one of the site's; use one of them, or \"*\" for every culture.",
        SynonymProblem.TooFewTerms => "a group needs at least two different expressions.",
        SynonymProblem.TooManyTerms => $"a group has at most {SynonymRules.MaxTerms} expressions.",
        SynonymProblem.TermTooLong => $"the expression \"{error.Detail}…\" is longer than {SynonymRules.MaxTermLength} characters.",
        SynonymProblem.TermWithoutWords => $"the expression \"{error.Detail}\" has no word to search (only stop words or punctuation).",
        SynonymProblem.SameGroupExists => "the same group is given twice.",
        _ => error.Problem.ToString(),
    };
}
