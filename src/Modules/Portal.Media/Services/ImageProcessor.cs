using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Portal.Media.Services;

/// <summary>A cleaned image: decoded and encoded again (so no metadata, EXIF GPS included, survives), with its resized copies.</summary>
public sealed record ProcessedImage(int Width, int Height, byte[] Original, IReadOnlyList<(int Width, byte[] Bytes)> Resized);

public sealed class ImageProcessor(IOptions<MediaOptions> options)
{
    private const int Quality = 85;

    /// <summary>Null when the bytes do not decode as an image of the format, or it is larger than allowed.</summary>
    public ProcessedImage? Process(Stream content, MediaFormat format)
    {
        content.Position = 0;
        using var codec = SKCodec.Create(content);
        if (codec is null) return null;
        var limit = options.Value.MaxImagePixels;
        if (codec.Info.Width <= 0 || codec.Info.Height <= 0 || codec.Info.Width > limit || codec.Info.Height > limit) return null;
        using var decoded = SKBitmap.Decode(codec, codec.Info.WithColorType(SKImageInfo.PlatformColorType).WithAlphaType(SKAlphaType.Premul));
        if (decoded is null) return null;
        using var upright = Orient(decoded, codec.EncodedOrigin);

        using var stored = ResizeTo(upright, Math.Min(upright.Width, options.Value.MaxStoredWidth));
        var resized = options.Value.Widths.Where(w => w > 0 && w < stored.Width).Distinct().Order()
            .Select(w => { using var copy = ResizeTo(stored, w); return (w, Encode(copy, format)); })
            .ToList();
        return new ProcessedImage(stored.Width, stored.Height, Encode(stored, format), resized);
    }

    private static SKBitmap ResizeTo(SKBitmap source, int width)
    {
        if (width == source.Width) return source.Copy();
        var height = Math.Max(1, (int)Math.Round(source.Height * (double)width / source.Width));
        return source.Resize(new SKImageInfo(width, height, source.ColorType, source.AlphaType), new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new InvalidOperationException("The image could not be resized.");
    }

    /// <summary>Turns the pixels as the EXIF orientation says, since that tag goes with the rest of the metadata.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var (degrees, swap) = origin switch
        {
            SKEncodedOrigin.BottomRight => (180, false),
            SKEncodedOrigin.RightTop => (90, true),
            SKEncodedOrigin.LeftBottom => (270, true),
            _ => (0, false),
        };
        if (degrees == 0) return source.Copy();
        var result = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType);
        using var canvas = new SKCanvas(result);
        canvas.Translate(result.Width / 2f, result.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return result;
    }

    private static byte[] Encode(SKBitmap bitmap, MediaFormat format)
    {
        var encoding = format == MediaFormat.Png ? SKEncodedImageFormat.Png : format == MediaFormat.WebP ? SKEncodedImageFormat.Webp : SKEncodedImageFormat.Jpeg;
        using var data = bitmap.Encode(encoding, Quality) ?? throw new InvalidOperationException("The image could not be encoded.");
        return data.ToArray();
    }
}
