using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Embed.Data;

namespace Portal.Embed.Services;

/// <summary>Counts a widget's loads and searches per ISO week: a counter per widget and week, nothing about who.</summary>
public sealed class WidgetUsage(EmbedDbContext db, TimeProvider time)
{
    public static string WeekOf(DateTimeOffset moment) =>
        $"{ISOWeek.GetYear(moment.UtcDateTime):D4}-W{ISOWeek.GetWeekOfYear(moment.UtcDateTime):D2}";

    public Task CountLoadAsync(string widgetId, CancellationToken cancellationToken) => CountAsync(widgetId, search: false, cancellationToken);

    public Task CountSearchAsync(string widgetId, CancellationToken cancellationToken) => CountAsync(widgetId, search: true, cancellationToken);

    private async Task CountAsync(string widgetId, bool search, CancellationToken cancellationToken)
    {
        var week = WeekOf(time.GetUtcNow());
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var rows = db.Usage.Where(u => u.WidgetId == widgetId && u.Week == week);
            var updated = search
                ? await rows.ExecuteUpdateAsync(s => s.SetProperty(u => u.Searches, u => u.Searches + 1), cancellationToken)
                : await rows.ExecuteUpdateAsync(s => s.SetProperty(u => u.Loads, u => u.Loads + 1), cancellationToken);
            if (updated > 0) return;
            db.Usage.Add(new EmbedUsage { WidgetId = widgetId, Week = week, Loads = search ? 0 : 1, Searches = search ? 1 : 0 });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException)
            {
                // Another request created this week's row meanwhile: count on it.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The last weeks of each widget, newest first.</summary>
    public async Task<ILookup<string, EmbedUsage>> RecentAsync(int weeks, CancellationToken cancellationToken = default)
    {
        var since = WeekOf(time.GetUtcNow().AddDays(-7 * (weeks - 1)));
        var rows = await db.Usage.AsNoTracking().Where(u => string.Compare(u.Week, since) >= 0).ToListAsync(cancellationToken);
        return rows.OrderByDescending(u => u.Week, StringComparer.Ordinal).ToLookup(u => u.WidgetId);
    }
}
