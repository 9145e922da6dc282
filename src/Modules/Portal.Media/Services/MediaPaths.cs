using Portal.Core.Content.Parts;
using Portal.Media.Models;

namespace Portal.Media.Services;

/// <summary>Where a file is stored and the addresses it is served at.</summary>
public static class MediaPaths
{
    /// <summary>"id/version/original.ext" or "id/version/w640.ext".</summary>
    public static string Stored(MediaItem item, int? width) => $"{item.Id}/{item.Version}/{(width is null ? "original" : "w" + width)}.{item.Extension}";

    /// <summary>The address of this version: it never changes content, so it is cached for a year.</summary>
    public static string Url(MediaItem item, int? width = null) =>
        width is null ? $"/media/{item.Id}/{item.Version}/{item.FileName}" : $"/media/{item.Id}/{item.Version}/w{width}/{item.FileName}";

    /// <summary>The address that stays when the file is replaced (for links given out of the site).</summary>
    public static string StableUrl(MediaItem item) => $"/media/{item.Id}/{item.FileName}";

    /// <summary>A download name from the sent one: letters, digits and dashes, with the extension of the detected format.</summary>
    public static string CleanFileName(string sent, string extension)
    {
        var stem = Slug.From(Path.GetFileNameWithoutExtension(sent ?? ""));
        if (stem.Length > 80) stem = stem[..80].TrimEnd('-');
        return (stem.Length == 0 ? "file" : stem) + "." + extension;
    }

    public static string Srcset(MediaItem item) =>
        string.Join(", ", item.ResizedWidths.Select(w => $"{Url(item, w)} {w}w").Append($"{Url(item)} {item.Width}w"));
}
