using Portal.Search.Engine;

namespace Portal.Search.Synonyms;

/// <summary>What makes a synonym group wrong; the back office and the recipe step each word it for their reader.</summary>
public enum SynonymProblem
{
    UnknownCulture,
    TooFewTerms,
    TooManyTerms,
    TermTooLong,
    TermWithoutWords,
    SameGroupExists,
}

public sealed record SynonymError(string Field, SynonymProblem Problem, string? Detail = null);

/// <summary>The checks of a group: a known culture, 2 to 30 different expressions of at most 100 characters, each with a word to search.</summary>
public static class SynonymRules
{
    public const int MaxTerms = 30;
    public const int MaxTermLength = 100;

    /// <summary>The expressions of a text: one per line or separated by commas, spaces tidied, repetitions dropped.</summary>
    public static List<string> Split(string? text) =>
        Tidy((text ?? "").Split([',', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static List<string> Tidy(IEnumerable<string> terms) =>
        terms.Select(t => string.Join(' ', t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Where(t => t.Length > 0)
            .DistinctBy(TextFolding.Fold).ToList();

    public static List<SynonymError> Check(SynonymGroup group, IReadOnlyCollection<string> cultures, IEnumerable<SynonymGroup> others)
    {
        var errors = new List<SynonymError>();
        if (group.Culture != SynonymGroup.EveryCulture && !cultures.Contains(group.Culture))
            errors.Add(new("Culture", SynonymProblem.UnknownCulture, group.Culture));
        var analyzer = new PortalAnalyzer(cultures.Contains(group.Culture) ? group.Culture : "", stem: true);
        if (group.Terms.FirstOrDefault(t => t.Length > MaxTermLength) is { } tooLong) errors.Add(new("Terms", SynonymProblem.TermTooLong, tooLong[..MaxTermLength]));
        else if (group.Terms.FirstOrDefault(t => analyzer.Terms(t).Count == 0) is { } empty) errors.Add(new("Terms", SynonymProblem.TermWithoutWords, empty));
        else if (group.Terms.Count < 2) errors.Add(new("Terms", SynonymProblem.TooFewTerms));
        else if (group.Terms.Count > MaxTerms) errors.Add(new("Terms", SynonymProblem.TooManyTerms));
        else
        {
            var key = Key(group);
            if (others.FirstOrDefault(o => o.Id != group.Id && o.Culture == group.Culture && Key(o) == key) is not null)
                errors.Add(new("Terms", SynonymProblem.SameGroupExists));
        }
        return errors;
    }

    private static string Key(SynonymGroup group) => string.Join('|', group.Terms.Select(TextFolding.Fold).Order(StringComparer.Ordinal));
}
