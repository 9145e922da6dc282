using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Content;
using Portal.Core.Localization;
using Portal.Media.Data;
using Portal.Media.Models;

namespace Portal.Media.Services;

/// <summary>The library's one writer: uploads, texts, replacements and deletions, with their checks.</summary>
public sealed class MediaLibrary(
    MediaDbContext db, IMediaStore store, ImageProcessor images, MediaUsage usage, IOptions<MediaOptions> options,
    Cultures cultures, ICurrentUser user, TimeProvider clock, IStringLocalizer<MediaLibrary> T)
{
    public Task<MediaItem?> FindAsync(string id) => db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);

    public async Task<MediaResult> UploadAsync(MediaUpload? upload, MediaMetadata metadata, CancellationToken cancellationToken = default)
    {
        var result = new MediaResult();
        var content = await ReadAsync(upload, result, cancellationToken);
        if (content is null) return result;
        await using (content.Stream)
        {
            ValidateTexts(content.Format.Kind, metadata, result.Errors);
            var processed = content.Format.Kind == MediaKind.Image ? ProcessImage(content, result.Errors) : null;
            if (result.Errors.Count > 0) return result;

            var now = clock.GetUtcNow().UtcDateTime;
            var item = new MediaItem { Id = IdGenerator.New(), Owner = user.Name, CreatedUtc = now };
            Apply(item, metadata);
            await StoreAsync(item, upload!.FileName, content, processed, cancellationToken);
            db.MediaItems.Add(item);
            await db.SaveChangesAsync(cancellationToken);
            return new MediaResult { Item = item };
        }
    }

    public async Task<MediaResult> UpdateAsync(string id, MediaMetadata metadata, CancellationToken cancellationToken = default)
    {
        var item = await db.MediaItems.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new KeyNotFoundException(id);
        var result = new MediaResult { Item = item };
        ValidateTexts(item.Kind, metadata, result.Errors);
        if (result.Errors.Count > 0) return result;
        Apply(item, metadata);
        item.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>New bytes under the same id, so every page and every link that names it shows the new file.</summary>
    public async Task<MediaResult> ReplaceAsync(string id, MediaUpload? upload, CancellationToken cancellationToken = default)
    {
        var item = await db.MediaItems.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new KeyNotFoundException(id);
        var result = new MediaResult { Item = item };
        var content = await ReadAsync(upload, result, cancellationToken);
        if (content is null) return result;
        await using (content.Stream)
        {
            if (content.Format.Kind != item.Kind)
                result.Errors["File"] = item.IsImage ? T["Replace an image with an image."] : T["Replace a document with a document."];
            var processed = content.Format.Kind == MediaKind.Image ? ProcessImage(content, result.Errors) : null;
            if (result.Errors.Count > 0) return result;
            var previous = item.Version;
            item.Version++;
            await StoreAsync(item, upload!.FileName, content, processed, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await store.DeleteFolderAsync($"{item.Id}/{previous}", cancellationToken);
            return result;
        }
    }

    /// <summary>Refused while a content item (a draft or a published version) names the file.</summary>
    public async Task<MediaResult> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var item = await db.MediaItems.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new KeyNotFoundException(id);
        var result = new MediaResult { Item = item };
        var users = await usage.WhereUsedAsync(id);
        if (users.Count > 0)
        {
            result.Errors["Delete"] = T.Plural(users.Count, "This file is used by {0} item; remove it from there first.", "This file is used by {0} items; remove it from there first.");
            return result;
        }
        db.MediaItems.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        await store.DeleteFolderAsync(item.Id, cancellationToken);
        return result;
    }

    private sealed record Content(Stream Stream, MediaFormat Format);

    private async Task<Content?> ReadAsync(MediaUpload? upload, MediaResult result, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (upload is null || upload.Length == 0)
        {
            result.Errors["File"] = T["Choose a file."];
            return null;
        }
        if (upload.Length > Math.Max(limits.MaxImageBytes, limits.MaxDocumentBytes))
        {
            result.Errors["File"] = T["The file is too large: at most {0} for a document, {1} for an image.", Megabytes(limits.MaxDocumentBytes), Megabytes(limits.MaxImageBytes)];
            return null;
        }
        var buffer = new MemoryStream();
        await using (var source = upload.Open()) await source.CopyToAsync(buffer, cancellationToken);
        var format = MediaFormat.Detect(buffer, limits.MaxZipEntries);
        string? error = format is null
            ? T["This file is not in an accepted format (PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG or WebP). Its content was checked, not its name."].Value
            : buffer.Length > (format.Kind == MediaKind.Image ? limits.MaxImageBytes : limits.MaxDocumentBytes)
                ? T["The file is too large: at most {0} for a document, {1} for an image.", Megabytes(limits.MaxDocumentBytes), Megabytes(limits.MaxImageBytes)].Value
                : null;
        if (error is not null)
        {
            result.Errors["File"] = error;
            await buffer.DisposeAsync();
            return null;
        }
        return new Content(buffer, format!);
    }

    private ProcessedImage? ProcessImage(Content content, Dictionary<string, string> errors)
    {
        var processed = images.Process(content.Stream, content.Format);
        if (processed is null) errors["File"] = T["The image could not be read, or it is larger than {0} pixels on a side.", options.Value.MaxImagePixels];
        return processed;
    }

    private void ValidateTexts(string kind, MediaMetadata metadata, Dictionary<string, string> errors)
    {
        if (kind == MediaKind.Image)
        {
            foreach (var culture in cultures.All)
                if (string.IsNullOrWhiteSpace(metadata.AltTexts.GetValueOrDefault(culture.Code)))
                    errors["Alt." + culture.Code] = T["Describe the image in {0} for people who cannot see it.", culture.Name];
        }
        else
        {
            if (string.IsNullOrWhiteSpace(metadata.Title)) errors["Title"] = T["Enter the document's title."];
            if (!cultures.IsSupported(metadata.Culture)) errors["Culture"] = T["Choose the document's language."];
        }
        if (metadata.Title?.Trim().Length > 300) errors["Title"] = T["The title is too long (at most {0} characters).", 300];
        foreach (var (culture, alt) in metadata.AltTexts)
            if (alt?.Trim().Length > 300) errors["Alt." + culture] = T["The alternative text is too long (at most {0} characters).", 300];
        if (metadata.Tags?.Length > 500) errors["Tags"] = T["The tags are too long (at most {0} characters).", 500];
    }

    private void Apply(MediaItem item, MediaMetadata metadata)
    {
        item.Title = metadata.Title?.Trim() ?? "";
        item.Culture = cultures.IsSupported(metadata.Culture) ? cultures.Find(metadata.Culture)!.Code : null;
        item.AltTextsByCulture = cultures.All.Where(c => metadata.AltTexts.ContainsKey(c.Code))
            .ToDictionary(c => c.Code, c => metadata.AltTexts[c.Code] ?? "");
        item.Tags = string.Join(',', (metadata.Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant()).Distinct().Take(20));
    }

    private async Task StoreAsync(MediaItem item, string fileName, Content content, ProcessedImage? image, CancellationToken cancellationToken)
    {
        item.Kind = content.Format.Kind;
        item.Extension = content.Format.Extension;
        item.ContentType = content.Format.ContentType;
        item.FileName = MediaPaths.CleanFileName(fileName, content.Format.Extension);
        item.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        if (image is null)
        {
            item.Length = content.Stream.Length;
            content.Stream.Position = 0;
            await store.SaveAsync(MediaPaths.Stored(item, null), content.Stream, cancellationToken);
            item.Width = item.Height = null;
            item.Widths = "";
            return;
        }
        item.Length = image.Original.Length;
        item.Width = image.Width;
        item.Height = image.Height;
        item.Widths = string.Join(',', image.Resized.Select(r => r.Width));
        await store.SaveAsync(MediaPaths.Stored(item, null), new MemoryStream(image.Original), cancellationToken);
        foreach (var (width, bytes) in image.Resized)
            await store.SaveAsync(MediaPaths.Stored(item, width), new MemoryStream(bytes), cancellationToken);
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";
}
