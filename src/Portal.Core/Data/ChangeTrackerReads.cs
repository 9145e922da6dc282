using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Portal.Core.Data;

public static class ChangeTrackerReads
{
    /// <summary>
    /// Runs <paramref name="read"/> over the tracked entries without the scan for changes each enumeration would make
    /// (the save makes it once, after): for rows known to be Added, or data made ready for the save's own scan.
    /// </summary>
    public static T WithoutDetectingChanges<T>(this ChangeTracker tracker, Func<ChangeTracker, T> read)
    {
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return read(tracker);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
