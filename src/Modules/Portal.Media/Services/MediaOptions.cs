namespace Portal.Media.Services;

/// <summary>Limits of the library, bound from Portal:Media.</summary>
public sealed class MediaOptions
{
    public long MaxImageBytes { get; set; } = 10 * 1024 * 1024;
    public long MaxDocumentBytes { get; set; } = 20 * 1024 * 1024;
    /// <summary>Images larger than this (in pixels, either side) are refused before they are decoded.</summary>
    public int MaxImagePixels { get; set; } = 12000;
    /// <summary>The widths of the resized copies of an image (only those narrower than the image are made).</summary>
    public int[] Widths { get; set; } = [320, 640, 1280];
    /// <summary>The widest an image is kept at (the cleaned original).</summary>
    public int MaxStoredWidth { get; set; } = 2560;
    /// <summary>Entries a zip-based document (DOCX, XLSX, ODT, ODS) may hold.</summary>
    public int MaxZipEntries { get; set; } = 10000;
}
