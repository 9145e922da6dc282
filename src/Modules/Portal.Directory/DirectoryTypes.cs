namespace Portal.Directory;

/// <summary>The directory's content types and the part every one of them carries.</summary>
public static class DirectoryTypes
{
    public const string Actor = "Actor";
    public const string Action = "Action";
    public const string AidantSupport = "AidantSupport";
    public const string EntryPart = "DirectoryEntryPart";

    public static readonly string[] All = [Actor, Action, AidantSupport];

    public static bool IsDirectoryType(string contentType) => All.Contains(contentType);

    /// <summary>The first segment of public addresses, per type and culture: /fr/acteurs/…, /de/akteure/….</summary>
    public static string Segment(string contentType, string culture) =>
        DirectoryRouteTable.Table.Contains(contentType) ? DirectoryRouteTable.Table.Segment(contentType, culture) : throw new ArgumentOutOfRangeException(nameof(contentType), contentType, null);

    public static string? TypeOfSegment(string segment) => DirectoryRouteTable.Table.KeyOf(segment);
}
