using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Core.Content;

namespace Portal.Directory;

/// <summary>
/// Who last verified an entry, as the public may know it: the organisation itself or the editorial team. Only one of
/// these two markers is stored in the content; the account that verified is in the audit trail, never in the entry.
/// </summary>
public static class Verification
{
    public const string ByField = "VerifiedBy";
    public const string DateField = "LastVerified";
    public const string Partner = "partner";
    public const string Editorial = "editorial";

    public static bool IsMarker(string? value) => value is Partner or Editorial;

    /// <summary>The marker stored on the item, or null when there is none (or an old value that is not one).</summary>
    public static string? By(ContentItem item) =>
        item.Field(DirectoryTypes.EntryPart, ByField)?["Text"] is JsonValue value && value.TryGetValue<string>(out var text) && IsMarker(text) ? text : null;

    public static string? Date(ContentItem item) =>
        item.Field(DirectoryTypes.EntryPart, DateField)?["Value"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>Records a check on <paramref name="day"/> by <paramref name="by"/> (a marker) in the item's data.</summary>
    public static void Stamp(ContentItem item, DateTime day, string by)
    {
        if (!IsMarker(by)) throw new ArgumentOutOfRangeException(nameof(by), by, "partner or editorial");
        var entry = item.GetOrCreatePart(DirectoryTypes.EntryPart);
        entry[DateField] = new JsonObject { ["Value"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        entry[ByField] = new JsonObject { ["Text"] = by };
    }
}
