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
    public static string Segment(string contentType, string culture) => (contentType, culture) switch
    {
        (Actor, "de") => "akteure",
        (Actor, _) => "acteurs",
        (Action, "de") => "angebote",
        (Action, _) => "actions",
        (AidantSupport, "de") => "angehoerige",
        (AidantSupport, _) => "aidants",
        _ => throw new ArgumentOutOfRangeException(nameof(contentType), contentType, null),
    };

    public static string? TypeOfSegment(string segment) => segment switch
    {
        "acteurs" or "akteure" => Actor,
        "actions" or "angebote" => Action,
        "aidants" or "angehoerige" => AidantSupport,
        _ => null,
    };
}
