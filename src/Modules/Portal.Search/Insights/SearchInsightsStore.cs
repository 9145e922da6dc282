using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Settings;

namespace Portal.Search.Insights;

/// <summary>The weeks of counts, one document per culture and week in the document store ("Search.Insights/fr/2026-W49").</summary>
public sealed class SearchInsightsStore(IDocumentStore documents, PortalDbContext db, IOptions<SearchInsightsOptions> options)
{
    public const string Prefix = "Search.Insights/";

    public static string KeyOf(string culture, string week) => $"{Prefix}{culture}/{week}";

    public async Task<SearchWeekInsights?> ReadAsync(string culture, string week) =>
        await documents.ExistsAsync(KeyOf(culture, week)) ? await documents.GetAsync<SearchWeekInsights>(KeyOf(culture, week)) : null;

    /// <summary>The weeks that hold counts for <paramref name="culture"/>, newest first.</summary>
    public async Task<IReadOnlyList<string>> WeeksAsync(string culture)
    {
        var prefix = $"{Prefix}{culture}/";
        var keys = await db.Documents.AsNoTracking().Where(d => d.Key.StartsWith(prefix)).Select(d => d.Key).ToListAsync();
        return keys.Select(k => k[prefix.Length..]).Where(w => IsoWeeks.Start(w) is not null).OrderByDescending(w => IsoWeeks.Start(w)).ToList();
    }

    /// <summary>Adds counts to their week's document; beyond the maximum of distinct queries, the least frequent are dropped.</summary>
    public async Task AddAsync(SearchWeekInsights counts)
    {
        var key = KeyOf(counts.Culture, counts.Week);
        var week = await documents.GetAsync<SearchWeekInsights>(key);
        week.Culture = counts.Culture;
        week.Week = counts.Week;
        week.Searches += counts.Searches;
        week.Dropped += counts.Dropped;
        var byQuery = week.Queries.ToDictionary(q => q.Query, StringComparer.Ordinal);
        foreach (var added in counts.Queries)
        {
            if (!byQuery.TryGetValue(added.Query, out var query)) byQuery[added.Query] = query = new QueryCount { Query = added.Query };
            query.Count += added.Count;
            query.Zero += added.Zero;
            query.Few += added.Few;
            foreach (var (name, times) in added.Relaxations) query.Relaxations[name] = query.Relaxations.GetValueOrDefault(name) + times;
        }
        var ranked = byQuery.Values.OrderByDescending(q => q.Count).ThenByDescending(q => q.Zero).ThenBy(q => q.Query, StringComparer.Ordinal).ToList();
        var max = Math.Max(1, options.Value.MaxQueriesPerWeek);
        week.Dropped += ranked.Skip(max).Sum(q => q.Count);
        week.Queries = ranked.Take(max).ToList();
        await documents.SaveAsync(key, week);
    }

    /// <summary>Deletes the weeks that started more than the retention before <paramref name="now"/>.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset now)
    {
        var oldest = now.UtcDateTime.Date.AddDays(-7 * Math.Max(1, options.Value.RetentionWeeks));
        var records = await db.Documents.Where(d => d.Key.StartsWith(Prefix)).ToListAsync();
        var expired = records.Where(r => r.Key.Split('/') is [_, _, var week] && IsoWeeks.Start(week) is { } start && start < oldest).ToList();
        if (expired.Count == 0) return 0;
        db.Documents.RemoveRange(expired);
        await db.SaveChangesAsync();
        return expired.Count;
    }
}
