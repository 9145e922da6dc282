namespace Portal.Search.Engine;

/// <summary>
/// The synonym groups of one culture, analysed as the index analyses text: each expression ("fauteuil roulant",
/// "PMR") becomes its sequence of stems, and any sequence of typed words whose stems equal an expression's is also
/// searched as every other expression of its groups. Immutable; built once per change of the groups.
/// </summary>
public sealed class SynonymTable
{
    public static readonly SynonymTable Empty = new();

    /// <summary>Stems joined by a space → the other expressions of its groups, each as its stems with positions.</summary>
    private readonly Dictionary<string, List<IReadOnlyList<(string Term, int Position)>>> _alternatives = new(StringComparer.Ordinal);

    /// <summary>The longest expression, in stems: how far a match is looked for.</summary>
    public int LongestExpression { get; private set; }

    public int Count => _alternatives.Count;

    private SynonymTable() { }

    /// <param name="groups">Each group's expressions, as written (any case, with or without accents).</param>
    public SynonymTable(IEnumerable<IReadOnlyList<string>> groups, PortalAnalyzer analyzer)
    {
        foreach (var group in groups)
        {
            var expressions = group.Select(analyzer.TermsWithPositions).Where(e => e.Count > 0)
                .DistinctBy(e => Key(e.Select(t => t.Term))).ToList();
            if (expressions.Count < 2) continue;
            foreach (var expression in expressions)
            {
                var key = Key(expression.Select(t => t.Term));
                if (!_alternatives.TryGetValue(key, out var list)) _alternatives[key] = list = [];
                foreach (var other in expressions)
                    if (!ReferenceEquals(other, expression) && !list.Any(l => Key(l.Select(t => t.Term)) == Key(other.Select(t => t.Term))))
                        list.Add(other);
                LongestExpression = Math.Max(LongestExpression, expression.Count);
            }
        }
    }

    /// <summary>The other expressions of the groups that contain exactly these stems, in order; empty when none does.</summary>
    public IReadOnlyList<IReadOnlyList<(string Term, int Position)>> AlternativesOf(IEnumerable<string> stems) =>
        _alternatives.TryGetValue(Key(stems), out var list) ? list : [];

    private static string Key(IEnumerable<string> stems) => string.Join(' ', stems);
}
