namespace Portal.Media.Services;

/// <summary>What a person gives with a file: its texts (the file itself comes apart, as a stream).</summary>
public sealed class MediaMetadata
{
    public string? Title { get; set; }
    public string? Culture { get; set; }
    public Dictionary<string, string?> AltTexts { get; set; } = [];
    public string? Tags { get; set; }
}

/// <summary>The outcome of a library operation: the item, or the messages per field ("File", "Title", "Alt.fr"…).</summary>
public sealed class MediaResult
{
    public Models.MediaItem? Item { get; init; }
    public Dictionary<string, string> Errors { get; } = [];
    public bool Succeeded => Errors.Count == 0 && Item is not null;
}

/// <summary>The file as sent: its declared name (only used to name the download) and its bytes.</summary>
public sealed record MediaUpload(string FileName, long Length, Func<Stream> Open);
