using Portal.Taxonomies.Models;
using Portal.Taxonomies.Services;

namespace Portal.Knowledge.Services;

/// <summary>A notion that means the same across the border (a concept), with the notion of each side that answers it.</summary>
public sealed record GlossaryConcept(Term Concept, IReadOnlyList<Term> Notions);

/// <summary>
/// The glossary of equivalent notions: the care-glossary vocabulary, whose top terms are the concepts and their children
/// the notions of each side (the side in the term's code "side", an abbreviation in "abbr").
/// </summary>
public sealed class Glossary(VocabularyStore vocabularies)
{
    public async Task<IReadOnlyList<GlossaryConcept>> ConceptsAsync()
    {
        var vocabulary = await vocabularies.GetAsync(KnowledgeTypes.GlossaryVocabulary);
        return vocabulary is null ? [] : Concepts(vocabulary);
    }

    public static IReadOnlyList<GlossaryConcept> Concepts(Vocabulary vocabulary) =>
        vocabulary.Terms.Where(t => string.IsNullOrEmpty(t.Parent))
            .Select(c => new GlossaryConcept(c, vocabulary.Terms.Where(t => t.Parent == c.Slug).ToList())).ToList();

    public static string? SideOf(Term term) => term.Codes.GetValueOrDefault("side");

    public static string? AbbreviationOf(Term term) => term.Codes.GetValueOrDefault("abbr");

    /// <summary>
    /// The expressions a search takes as one: each notion's name in every language (its label before any parenthesis),
    /// and for an abbreviation, the abbreviation and what it stands for (the parenthesis up to a comma).
    /// </summary>
    public static List<string> Expressions(GlossaryConcept concept) =>
        concept.Notions.SelectMany(ExpressionsOf).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static IEnumerable<string> ExpressionsOf(Term notion)
    {
        var abbreviation = AbbreviationOf(notion);
        if (abbreviation is not null) yield return abbreviation;
        foreach (var label in notion.Label.Texts)
        {
            var open = label.IndexOf(" (", StringComparison.Ordinal);
            yield return (open < 0 ? label : label[..open]).Trim();
            if (abbreviation is null || open < 0) continue;
            var inner = label[(open + 2)..].TrimEnd(')');
            var comma = inner.IndexOf(", ", StringComparison.Ordinal);
            if ((comma < 0 ? inner : inner[..comma]).Trim() is { Length: > 3 } expansion) yield return expansion;
        }
    }
}
