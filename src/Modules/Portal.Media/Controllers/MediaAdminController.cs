using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Hosting;
using Portal.Core.Localization;
using Portal.Core.Security;
using Portal.Media.Data;
using Portal.Media.Models;
using Portal.Media.Services;
using Portal.Media.ViewModels;

namespace Portal.Media.Controllers;

[Route("admin/media"), RequirePermission(Permissions.ManageMedia)]
public sealed class MediaAdminController(
    MediaDbContext db, MediaLibrary library, MediaUsage usage, Cultures cultures, IOptions<MediaOptions> options,
    IStringLocalizer<MediaAdminController> T) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? tag, string? kind, string? page)
    {
        if (!QueryValues.TryPage(page, out var pageNumber)) return BadRequest(T["The page number must be a whole number from 1 to {0}.", QueryValues.MaxPage].Value);
        if (q?.Length > 100 || tag?.Length > 100) return BadRequest(T["The search text is too long."].Value);
        var query = db.MediaItems.AsNoTracking();
        if (kind is MediaKind.Image or MediaKind.Document) query = query.Where(m => m.Kind == kind);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var needle = q.Trim().ToLower();
            query = query.Where(m => m.Title.ToLower().Contains(needle) || m.FileName.ToLower().Contains(needle) || m.AltTexts.ToLower().Contains(needle));
        }
        if (!string.IsNullOrWhiteSpace(tag))
        {
            var wanted = tag.Trim().ToLowerInvariant();
            query = query.Where(m => ("," + m.Tags + ",").Contains("," + wanted + ","));
        }
        var total = await query.CountAsync();
        var items = await query.OrderByDescending(m => m.ModifiedUtc).ThenBy(m => m.Id)
            .Skip(QueryValues.Offset(pageNumber, PageSize)).Take(PageSize).ToListAsync();
        var tags = (await db.MediaItems.AsNoTracking().Where(m => m.Tags != "").Select(m => m.Tags).ToListAsync())
            .SelectMany(t => t.Split(',')).Distinct().Order(StringComparer.CurrentCulture).ToList();
        return View(new MediaListViewModel
        {
            Items = items, Tags = tags, Query = q, Tag = tag, Kind = kind, Page = pageNumber, Total = total,
            PageCount = Math.Max(1, (total + PageSize - 1) / PageSize), Notice = TempData["Notice"] as string,
        });
    }

    [HttpGet("upload")]
    public IActionResult Upload() => View(Form(null, new MediaMetadata { Culture = cultures.Current }));

    [HttpPost("upload")]
    public async Task<IActionResult> Upload(IFormFile? file, [FromForm] MediaForm form)
    {
        var values = form.ToMetadata(cultures);
        var result = await library.UploadAsync(Upload(file), values, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(Form(null, values, result.Errors));
        }
        TempData["Notice"] = T["The file “{0}” was added to the library.", result.Item!.FileName].Value;
        return Redirect($"/admin/media/{result.Item.Id}");
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id)
    {
        var item = await library.FindAsync(id);
        if (item is null) return NotFound();
        return View(Form(item, MediaEditViewModel.ValuesOf(item), usage: await usage.WhereUsedAsync(id), notice: TempData["Notice"] as string));
    }

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit(string id, [FromForm] MediaForm form)
    {
        var item = await library.FindAsync(id);
        if (item is null) return NotFound();
        var values = form.ToMetadata(cultures);
        var result = await library.UpdateAsync(id, values, HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            TempData["Notice"] = T["The texts of “{0}” were saved.", item.FileName].Value;
            return Redirect($"/admin/media/{id}");
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(Form(item, values, result.Errors, await usage.WhereUsedAsync(id)));
    }

    [HttpPost("{id}/replace")]
    public async Task<IActionResult> Replace(string id, IFormFile? file)
    {
        var item = await library.FindAsync(id);
        if (item is null) return NotFound();
        var result = await library.ReplaceAsync(id, Upload(file), HttpContext.RequestAborted);
        if (result.Errors.Count == 0)
        {
            TempData["Notice"] = T["The file was replaced; its address did not change."].Value;
            return Redirect($"/admin/media/{id}");
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Edit", Form(item, MediaEditViewModel.ValuesOf(item), new() { ["Replace"] = result.Errors.Values.First() }, await usage.WhereUsedAsync(id)));
    }

    [HttpPost("{id}/delete")]
    public async Task<IActionResult> Delete(string id)
    {
        var item = await library.FindAsync(id);
        if (item is null) return NotFound();
        var result = await library.DeleteAsync(id, HttpContext.RequestAborted);
        if (result.Errors.Count == 0)
        {
            TempData["Notice"] = T["The file “{0}” was deleted.", item.FileName].Value;
            return Redirect("/admin/media");
        }
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Edit", Form(item, MediaEditViewModel.ValuesOf(item), result.Errors, await usage.WhereUsedAsync(id)));
    }

    private static MediaUpload? Upload(IFormFile? file) => file is null ? null : new MediaUpload(file.FileName, file.Length, file.OpenReadStream);

    private MediaEditViewModel Form(MediaItem? item, MediaMetadata values, Dictionary<string, string>? errors = null, IReadOnlyList<MediaUser>? usage = null, string? notice = null) => new()
    {
        Item = item, Values = values, Errors = errors ?? [], Usage = usage ?? [], Notice = notice,
        MaxImageBytes = options.Value.MaxImageBytes, MaxDocumentBytes = options.Value.MaxDocumentBytes,
    };
}

/// <summary>The posted texts: alternative texts come as Alt.fr, Alt.de…, one per site culture.</summary>
public sealed class MediaForm
{
    public string? Title { get; set; }
    public string? Culture { get; set; }
    public string? Tags { get; set; }
    public Dictionary<string, string?> Alt { get; set; } = [];

    public MediaMetadata ToMetadata(Cultures cultures) => new()
    {
        Title = Title, Culture = Culture, Tags = Tags,
        AltTexts = cultures.All.ToDictionary(c => c.Code, c => Alt.GetValueOrDefault(c.Code)),
    };
}
