using System.Text.Json;

namespace Portal.Media.Models;

public static class MediaKind
{
    public const string Image = "Image";
    public const string Document = "Document";
}

/// <summary>One file of the library: what it is, its texts, and the version whose bytes are served.</summary>
public sealed class MediaItem
{
    public string Id { get; set; } = "";
    public string Kind { get; set; } = MediaKind.Document;
    /// <summary>The file name offered on download (cleaned), with the extension of its detected format.</summary>
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string Extension { get; set; } = "";
    public long Length { get; set; }
    /// <summary>Grows at each replacement: part of the file URLs, so they can be cached for a year.</summary>
    public int Version { get; set; } = 1;
    public int? Width { get; set; }
    public int? Height { get; set; }
    /// <summary>The widths of the resized copies, e.g. "320,640".</summary>
    public string Widths { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>The language of a document (a culture code).</summary>
    public string? Culture { get; set; }
    /// <summary>Alternative texts of an image per culture, as JSON { "fr": "…", "de": "…" }.</summary>
    public string AltTexts { get; set; } = "{}";
    /// <summary>Tags, lower case, separated by commas.</summary>
    public string Tags { get; set; } = "";
    public string? Owner { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime ModifiedUtc { get; set; }

    public bool IsImage => Kind == MediaKind.Image;

    public Dictionary<string, string> AltTextsByCulture
    {
        get => JsonSerializer.Deserialize<Dictionary<string, string>>(AltTexts) ?? [];
        set => AltTexts = JsonSerializer.Serialize(value.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value.Trim()));
    }

    public string? AltFor(string culture) => AltTextsByCulture.TryGetValue(culture, out var alt) && alt.Length > 0 ? alt : null;

    public IReadOnlyList<int> ResizedWidths => Widths.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();

    public IReadOnlyList<string> TagList => Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
