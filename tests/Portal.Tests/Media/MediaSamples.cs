using System.Net.Http.Headers;
using System.Text;
using Portal.Tests.Infrastructure;
using SkiaSharp;

namespace Portal.Tests.Media;

/// <summary>Files to upload, made in the test: a small PDF, a JPEG carrying EXIF GPS, an executable.</summary>
public static class MediaSamples
{
    public static byte[] Pdf(string text)
    {
        var stream = $"BT /F1 12 Tf 72 720 Td ({text}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>"MZ…": a Windows executable's first bytes.</summary>
    public static byte[] Executable() => [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. new byte[500]];

    public static readonly byte[] GpsMarker = "GPSMARK-48.8566N"u8.ToArray();

    /// <summary>A JPEG whose EXIF block holds a GPS directory (latitude reference and a maker text to look for).</summary>
    public static byte[] JpegWithGps(int width = 800, int height = 600)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap)) canvas.Clear(new SKColor(30, 90, 160));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        var jpeg = data.ToArray();

        // TIFF (big-endian): IFD0 with one entry, GPSInfo (0x8825) → a GPS IFD with GPSLatitudeRef "N" and a text.
        var tiff = new List<byte>();
        tiff.AddRange("MM\0*"u8.ToArray()); tiff.AddRange(U32(8));
        tiff.AddRange(U16(1)); tiff.AddRange(U16(0x8825)); tiff.AddRange(U16(4)); tiff.AddRange(U32(1)); tiff.AddRange(U32(26)); tiff.AddRange(U32(0));
        tiff.AddRange(U16(2));
        tiff.AddRange(U16(0x0001)); tiff.AddRange(U16(2)); tiff.AddRange(U32(2)); tiff.AddRange("N\0\0\0"u8.ToArray());
        tiff.AddRange(U16(0x001B)); tiff.AddRange(U16(7)); tiff.AddRange(U32((uint)GpsMarker.Length)); tiff.AddRange(U32(56));
        tiff.AddRange(U32(0));
        tiff.AddRange(GpsMarker);
        var exif = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new byte[] { 0xFF, 0xE1 }.Concat(U16((ushort)(exif.Length + 2))).Concat(exif);
        return jpeg.Take(2).Concat(segment).Concat(jpeg.Skip(2)).ToArray();
    }

    private static byte[] U16(ushort v) => [(byte)(v >> 8), (byte)v];
    private static byte[] U32(uint v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];

    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>Posts the upload form as a browser would: its token, the file and the texts.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] bytes, params (string Name, string Value)[] fields)
    {
        var token = await client.TokenAsync("/admin/media/upload");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/admin/media/upload", form);
    }

    public static async Task<HttpResponseMessage> ReplaceAsync(HttpClient client, string id, string fileName, byte[] bytes)
    {
        var token = await client.TokenAsync($"/admin/media/{id}");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(bytes), "file", fileName);
        return await client.PostAsync($"/admin/media/{id}/replace", form);
    }
}
