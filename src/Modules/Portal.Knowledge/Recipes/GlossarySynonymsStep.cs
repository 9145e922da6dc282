using Portal.Core.Recipes;
using Portal.Knowledge.Services;
using Portal.Search.Synonyms;
using Portal.Taxonomies.Services;

namespace Portal.Knowledge.Recipes;

/// <summary>
/// { "name": "GlossarySynonyms" }: gives the search one synonym group per concept of the glossary (every side's notion,
/// its abbreviation and its labels), for every culture. Adds to the groups already there; a group already present is kept.
/// </summary>
public sealed class GlossarySynonymsStep(VocabularyStore vocabularies, SynonymStore synonyms) : IRecipeStep
{
    public string Name => "GlossarySynonyms";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var vocabulary = await vocabularies.GetAsync(KnowledgeTypes.GlossaryVocabulary)
            ?? throw new RecipeStepException($"the vocabulary \"{KnowledgeTypes.GlossaryVocabulary}\" is missing: add it with a Taxonomies step first.");
        foreach (var concept in Glossary.Concepts(vocabulary))
        {
            var terms = Glossary.Expressions(concept);
            if (terms.Count < 2) continue;
            var errors = await synonyms.SaveAsync(new SynonymGroup { Culture = SynonymGroup.EveryCulture, Terms = terms });
            if (errors.Any(e => e.Problem != SynonymProblem.SameGroupExists))
                throw new RecipeStepException($"the synonyms of \"{concept.Concept.Slug}\" are refused: {string.Join(", ", errors.Select(e => e.Problem))}.");
        }
    }
}
