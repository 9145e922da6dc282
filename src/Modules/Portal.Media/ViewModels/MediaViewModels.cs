using Portal.Media.Models;
using Portal.Media.Services;

namespace Portal.Media.ViewModels;

public sealed class MediaListViewModel
{
    public IReadOnlyList<MediaItem> Items { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Query { get; init; }
    public string? Tag { get; init; }
    public string? Kind { get; init; }
    public int Page { get; init; } = 1;
    public int PageCount { get; init; } = 1;
    public int Total { get; init; }
    public string? Notice { get; init; }
}

/// <summary>The upload form and the edit page: the values as typed, the errors per field, and for an existing file its uses.</summary>
public sealed class MediaEditViewModel
{
    public MediaItem? Item { get; init; }
    public MediaMetadata Values { get; init; } = new();
    public Dictionary<string, string> Errors { get; init; } = [];
    public IReadOnlyList<MediaUser> Usage { get; init; } = [];
    public string? Notice { get; init; }
    public long MaxImageBytes { get; init; }
    public long MaxDocumentBytes { get; init; }

    public string? Error(string key) => Errors.TryGetValue(key, out var e) ? e : null;

    /// <summary>Ids of the form's controls: "Alt.fr" becomes "Alt_fr".</summary>
    public static string IdOf(string key) => key.Replace('.', '_');

    public static MediaMetadata ValuesOf(MediaItem item) => new()
    {
        Title = item.Title, Culture = item.Culture, Tags = string.Join(", ", item.TagList),
        AltTexts = item.AltTextsByCulture.ToDictionary(p => p.Key, p => (string?)p.Value),
    };
}
