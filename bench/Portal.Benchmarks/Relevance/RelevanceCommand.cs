namespace Portal.Benchmarks.Relevance;

/// <summary>
/// relevance [--short] [--details]: sets each seed recipe up in process, runs its judged queries through the site's
/// search and prints the figures. --short runs each query once (for CI, not timed); --details lists each miss.
/// </summary>
public static class RelevanceCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var passes = 3;
        var details = false;
        foreach (var arg in args)
        {
            switch (arg)
            {
                case "--short": passes = 0; break;
                case "--details": details = true; break;
                default:
                    Console.Error.WriteLine($"Unknown argument \"{arg}\". Usage: relevance [--short] [--details]");
                    return 64;
            }
        }
        var outcomes = new List<QueryOutcome>();
        foreach (var set in RelevanceSet.LoadAll(Path.Combine(AppContext.BaseDirectory, "relevance")))
        {
            await using var site = new RecipeSite(set.Recipe);
            var services = await site.StartAsync();
            outcomes.AddRange(await RelevanceRun.RunAsync(set.Recipe, set.Queries, SiteSearch.Of(services), passes));
        }
        RelevanceRun.Print(outcomes, output, details);
        return 0;
    }
}
