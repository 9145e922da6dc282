using System.Diagnostics;
using System.Globalization;

namespace Portal.Benchmarks.Relevance;

/// <summary>What one search returned: the ids of its first results and how many there were in all.</summary>
/// <param name="Note">How the search read the query (place, relaxations), for --details.</param>
public sealed record RelevanceAnswer(IReadOnlyList<string> TopIds, int Total, string Note = "");

/// <summary>One judged query's outcome.</summary>
public sealed record QueryOutcome(string Recipe, JudgedQuery Query, RelevanceAnswer Answer, double Milliseconds)
{
    public const int Depth = 10;

    public bool ExpectsNothing => Query.Kind == RelevanceSet.Nothing;

    /// <summary>The share of the wanted items found in the first ten, out of at most ten (a query may want more).</summary>
    public double Recall => ExpectsNothing ? (Answer.Total == 0 ? 1 : 0)
        : (double)Answer.TopIds.Take(Depth).Count(Query.Expected.Contains) / Math.Min(Depth, Query.Expected.Count);

    /// <summary>1 / the rank of the first wanted item in the first ten, 0 when none is there.</summary>
    public double ReciprocalRank
    {
        get
        {
            if (ExpectsNothing) return Answer.Total == 0 ? 1 : 0;
            var rank = Answer.TopIds.Take(Depth).ToList().FindIndex(Query.Expected.Contains);
            return rank < 0 ? 0 : 1.0 / (rank + 1);
        }
    }

    /// <summary>No result although something exists: the dead end the issue wants rare.</summary>
    public bool WronglyEmpty => !ExpectsNothing && Answer.Total == 0;
}

/// <summary>
/// Runs judged query sets through a search and prints recall@10 and MRR per kind, then one summary line:
/// <c>relevance queries=N zero=K recall_at_10=… mrr=… p95_ms=…</c>, where zero counts the queries that found nothing
/// although the set says something exists, and recall and MRR are over the queries that expect something.
/// </summary>
public static class RelevanceRun
{
    public delegate Task<RelevanceAnswer> Search(string text, string culture);

    /// <param name="passes">Timed passes after one warm-up pass; 0 runs each query once, untimed in spirit (CI).</param>
    public static async Task<IReadOnlyList<QueryOutcome>> RunAsync(string recipe, IEnumerable<JudgedQuery> queries, Search search, int passes)
    {
        var list = queries.ToList();
        var outcomes = new List<QueryOutcome>();
        if (passes > 0)
            foreach (var query in list) await search(query.Text, query.Culture);
        var times = list.ToDictionary(q => q, _ => new List<double>());
        var answers = new Dictionary<JudgedQuery, RelevanceAnswer>();
        for (var pass = 0; pass < Math.Max(1, passes); pass++)
            foreach (var query in list)
            {
                var started = Stopwatch.GetTimestamp();
                var answer = await search(query.Text, query.Culture);
                times[query].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                answers.TryAdd(query, answer);
            }
        foreach (var query in list) outcomes.Add(new QueryOutcome(recipe, query, answers[query], times[query].Min()));
        return outcomes;
    }

    public static void Print(IReadOnlyList<QueryOutcome> outcomes, TextWriter output, bool details)
    {
        var c = CultureInfo.InvariantCulture;
        if (details)
            foreach (var o in outcomes.Where(o => o.Recall < 1))
            {
                output.WriteLine(string.Create(c, $"  miss {o.Recipe}/{o.Query.Culture} [{o.Query.Kind}] \"{o.Query.Text}\": recall {o.Recall:F2}, total {o.Answer.Total} {o.Answer.Note}"));
                output.WriteLine($"    first: {string.Join(' ', o.Answer.TopIds.Take(QueryOutcome.Depth).Select(id => o.Query.Expected.Contains(id) ? id : "(" + id + ")"))}");
            }
        output.WriteLine(string.Create(c, $"{"recipe",-18} {"kind",-15} {"n",4} {"recall@10",10} {"mrr",6} {"zero",5}"));
        foreach (var group in outcomes.GroupBy(o => (o.Recipe, o.Query.Kind)).OrderBy(g => g.Key.Recipe, StringComparer.Ordinal).ThenBy(g => g.Key.Kind, StringComparer.Ordinal))
            output.WriteLine(string.Create(c, $"{group.Key.Recipe,-18} {group.Key.Kind,-15} {group.Count(),4} {group.Average(o => o.Recall),10:F3} {group.Average(o => o.ReciprocalRank),6:F3} {group.Count(o => o.Answer.Total == 0),5}"));
        foreach (var group in outcomes.GroupBy(o => o.Query.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine(string.Create(c, $"{"all",-18} {group.Key,-15} {group.Count(),4} {group.Average(o => o.Recall),10:F3} {group.Average(o => o.ReciprocalRank),6:F3} {group.Count(o => o.Answer.Total == 0),5}"));
        output.WriteLine(Summary(outcomes));
    }

    public static string Summary(IReadOnlyList<QueryOutcome> outcomes)
    {
        var judged = outcomes.Where(o => !o.ExpectsNothing).ToList();
        var recall = judged.Count == 0 ? 0 : judged.Average(o => o.Recall);
        var mrr = judged.Count == 0 ? 0 : judged.Average(o => o.ReciprocalRank);
        var sorted = outcomes.Select(o => o.Milliseconds).Order().ToArray();
        var p95 = sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(0.95 * sorted.Length) - 1, 0, sorted.Length - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"relevance queries={outcomes.Count} zero={outcomes.Count(o => o.WronglyEmpty)} recall_at_10={recall:F3} mrr={mrr:F3} p95_ms={p95:F2}");
    }
}
