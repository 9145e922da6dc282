using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Portal.Media.Models;
using Portal.Media.Services;

namespace Portal.Media.Controllers;

/// <summary>Serves the library's files: a version's address is cached for a year, the stable address is checked each time.</summary>
public sealed class MediaFileController(MediaLibrary library, IMediaStore store) : Controller
{
    private const string Immutable = "public, max-age=31536000, immutable";

    [HttpGet("media/{id}/{version:int}/{name}")]
    public Task<IActionResult> Version(string id, int version, string name) => ServeAsync(id, version, null);

    [HttpGet("media/{id}/{version:int}/w{width:int}/{name}")]
    public Task<IActionResult> Resized(string id, int version, int width, string name) => ServeAsync(id, version, width);

    /// <summary>The address that outlives a replacement: always the current file.</summary>
    [HttpGet("media/{id}/{name}")]
    public Task<IActionResult> Stable(string id, string name) => ServeAsync(id, null, null);

    private async Task<IActionResult> ServeAsync(string id, int? version, int? width)
    {
        if (id.Length != 26) return NotFound();
        var item = await library.FindAsync(id);
        if (item is null || (width is not null && !item.ResizedWidths.Contains(width.Value))) return NotFound();
        if (version is not null && version != item.Version)
        {
            Response.Headers.CacheControl = "no-cache";
            return Redirect(width is null ? MediaPaths.Url(item) : MediaPaths.Url(item, width));
        }
        var stream = await store.OpenReadAsync(MediaPaths.Stored(item, width), HttpContext.RequestAborted);
        if (stream is null) return NotFound();

        Response.Headers.CacheControl = version is null ? "public, no-cache" : Immutable;
        Response.Headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue(item.Kind == MediaKind.Image ? "inline" : "attachment");
        disposition.SetHttpFileName(item.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        var etag = new EntityTagHeaderValue($"\"{item.Id}-{item.Version}-{width ?? 0}\"");
        return File(stream, item.ContentType, lastModified: item.ModifiedUtc, entityTag: etag, enableRangeProcessing: true);
    }
}
