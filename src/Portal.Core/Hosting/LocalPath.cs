namespace Portal.Core.Hosting;

/// <summary>
/// A path of this site: "/" then anything but a second "/" or "\" (browsers read "//host" and "/\host" as another site),
/// and no control character (browsers drop tabs and line breaks, which would join "/" and "/").
/// </summary>
public static class LocalPath
{
    public static bool IsValid(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || url[1] is not ('/' or '\\')) && !url.Any(char.IsControl);

    /// <summary>Looks like a path of this site (starts with "/" or "\") without being one.</summary>
    public static bool IsForged(string url) => url.Length > 0 && url[0] is '/' or '\\' && !IsValid(url);
}
