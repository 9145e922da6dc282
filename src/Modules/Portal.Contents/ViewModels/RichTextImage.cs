namespace Portal.Contents.ViewModels;

/// <summary>
/// An image a rich-text editor offers to insert (from the media library, when that module is on): the address inserted,
/// a smaller one for the preview, and its alternative texts per culture code.
/// </summary>
public sealed record RichTextImage(string Src, string PreviewSrc, string Name, IReadOnlyDictionary<string, string> AltTexts)
{
    public string? AltFor(string? culture) => culture is not null && AltTexts.TryGetValue(culture, out var alt) && alt.Length > 0 ? alt : null;
}
