using System.IO.Compression;
using System.Text;
using Portal.Media.Models;

namespace Portal.Media.Services;

/// <summary>A format the library accepts, recognised by its bytes (never by the file name).</summary>
public sealed record MediaFormat(string Extension, string ContentType, string Kind)
{
    public static readonly MediaFormat Pdf = new("pdf", "application/pdf", MediaKind.Document);
    public static readonly MediaFormat Png = new("png", "image/png", MediaKind.Image);
    public static readonly MediaFormat Jpeg = new("jpg", "image/jpeg", MediaKind.Image);
    public static readonly MediaFormat WebP = new("webp", "image/webp", MediaKind.Image);
    public static readonly MediaFormat Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", MediaKind.Document);
    public static readonly MediaFormat Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaKind.Document);
    public static readonly MediaFormat Odt = new("odt", "application/vnd.oasis.opendocument.text", MediaKind.Document);
    public static readonly MediaFormat Ods = new("ods", "application/vnd.oasis.opendocument.spreadsheet", MediaKind.Document);

    public static readonly IReadOnlyList<MediaFormat> All = [Pdf, Png, Jpeg, WebP, Docx, Xlsx, Odt, Ods];

    public static MediaFormat? FromExtension(string extension) => All.FirstOrDefault(f => f.Extension == extension);

    /// <summary>What the bytes are: magic numbers, then, for a zip, the parts that make it a document of its kind.</summary>
    public static MediaFormat? Detect(Stream content, int maxZipEntries)
    {
        Span<byte> head = stackalloc byte[12];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        head = head[..read];
        if (head.StartsWith("%PDF-"u8)) return Pdf;
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return Png;
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return Jpeg;
        if (head.Length == 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return WebP;
        if (head.StartsWith("PK\u0003\u0004"u8)) return DetectZip(content, maxZipEntries);
        return null;
    }

    private static MediaFormat? DetectZip(Stream content, int maxZipEntries)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > maxZipEntries) return null;
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (names.Contains("[Content_Types].xml"))
            {
                if (names.Contains("word/document.xml")) return Docx;
                if (names.Contains("xl/workbook.xml")) return Xlsx;
                return null;
            }
            var mimetype = zip.GetEntry("mimetype");
            if (mimetype is null || mimetype.Length > 100) return null;
            using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
            var declared = reader.ReadToEnd().Trim();
            return declared == Odt.ContentType ? Odt : declared == Ods.ContentType ? Ods : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }
}
