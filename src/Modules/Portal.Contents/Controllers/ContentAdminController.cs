using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Contents.Services;
using Portal.Contents.ViewModels;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Localization;
using Portal.Core.Security;
using ContentResult = Portal.Core.Content.ContentResult;

namespace Portal.Contents.Controllers;

[Route("admin"), RequirePermission(Users.Permissions.AccessAdmin)]
public sealed class ContentAdminController(Portal.Core.Localization.Cultures cultures, 
    IContentManager contentManager,
    IContentDefinitionStore definitions,
    ContentFormBinder binder,
    ContentEditorBuilder editors,
    PortalDbContext db,
    IAuthorizationService authorization,
    IEnumerable<IContentEditorAction> editorActions,
    CsvExport csv,
    AuditTrail audit,
    IStringLocalizer<ContentAdminController> T) : Controller
{
    private static readonly string[] Statuses = [ContentStatus.Draft, ContentStatus.Published, ContentStatus.Unpublished];
    private static readonly string[] Sorts = ["modified", "title", "created"];

    [HttpGet("")]
    public async Task<IActionResult> Dashboard()
    {
        var types = await definitions.ListTypesAsync();
        var counts = await db.ContentItems.AsNoTracking().Where(i => i.Latest)
            .GroupBy(i => i.ContentType)
            .Select(g => new { Type = g.Key, Total = g.Count(), Drafts = g.Count(i => !i.Published) })
            .ToListAsync();
        var published = await db.ContentItems.AsNoTracking().Where(i => i.Published)
            .GroupBy(i => i.ContentType).Select(g => new { Type = g.Key, Count = g.Count() }).ToListAsync();
        var summaries = types.Select(t => new TypeSummary(t,
            counts.FirstOrDefault(c => c.Type == t.Name)?.Total ?? 0,
            published.FirstOrDefault(p => p.Type == t.Name)?.Count ?? 0,
            counts.FirstOrDefault(c => c.Type == t.Name)?.Drafts ?? 0)).ToList();
        var recent = await db.ContentItems.AsNoTracking().Where(i => i.Latest).OrderByDescending(i => i.ModifiedUtc).Take(10).ToListAsync();
        var cards = new List<DashboardCard>();
        foreach (var provider in HttpContext.RequestServices.GetServices<IDashboardCards>())
            foreach (var card in await provider.GetAsync())
                if (card.Permission is null || (await authorization.AuthorizeAsync(User, PermissionPolicyProvider.Prefix + card.Permission)).Succeeded) cards.Add(card);
        return View(new DashboardViewModel { Types = summaries, Recent = recent, Cards = cards });
    }

    [HttpGet("content/{type}")]
    public async Task<IActionResult> List(string type, string? status, string? culture, string? q, string? sort, string? page, string? format)
    {
        var definition = await definitions.GetTypeAsync(type);
        if (definition is null) return NotFound();
        if (!QueryValues.TryPage(page, out var pageNumber)) return BadRequest(T["The page number must be a whole number from 1 to {0}.", QueryValues.MaxPage].Value);
        if (!string.IsNullOrEmpty(status) && !Statuses.Contains(status)) return BadRequest(T["Unknown status filter."].Value);
        if (!string.IsNullOrEmpty(culture) && !cultures.IsSupported(culture)) return BadRequest(T["Unknown language filter."].Value);
        if (!string.IsNullOrEmpty(sort) && !Sorts.Contains(sort)) return BadRequest(T["Unknown sort order."].Value);
        if (q?.Length > 200) return BadRequest(T["The search text is too long."].Value);
        if (format is not (null or "" or "csv" or "xlsx")) return BadRequest(T["Unknown format: the list can be downloaded as csv or xlsx."].Value);

        var query = db.ContentItems.AsNoTracking().Where(i => i.Latest && i.ContentType == type);
        query = status switch
        {
            ContentStatus.Published => query.Where(i => i.Published),
            ContentStatus.Draft => query.Where(i => !i.Published && i.Status == ContentStatus.Draft),
            ContentStatus.Unpublished => query.Where(i => i.Status == ContentStatus.Unpublished),
            _ => query,
        };
        if (!string.IsNullOrEmpty(culture)) query = query.Where(i => i.Culture == culture);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = "%" + q.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(i => EF.Functions.Like(i.DisplayText.ToLower(), pattern.ToLower(), "\\"));
        }
        query = sort switch
        {
            "title" => query.OrderBy(i => i.DisplayText).ThenBy(i => i.Id),
            "created" => query.OrderByDescending(i => i.CreatedUtc).ThenByDescending(i => i.Id),
            _ => query.OrderByDescending(i => i.ModifiedUtc).ThenByDescending(i => i.Id),
        };
        if (format is "csv" or "xlsx")
        {
            // The whole list with its current filters, not one page of it.
            const int maxRows = 50_000;
            var rows = await query.Take(maxRows).ToListAsync();
            var site = HttpContext.RequestServices.GetRequiredService<PublicUrl>().Base;
            return format == "csv"
                ? File(await csv.WriteAsync(definition, rows, cultures.Current, site), "text/csv; charset=utf-8", $"{type}-{DateTime.UtcNow:yyyy-MM-dd}.csv")
                : File(await csv.WriteWorkbookAsync(definition, rows, cultures.Current, site), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{type}-{DateTime.UtcNow:yyyy-MM-dd}.xlsx");
        }
        const int pageSize = 25;
        var total = await query.CountAsync();
        var items = await query.Skip(QueryValues.Offset(pageNumber, pageSize)).Take(pageSize).ToListAsync();
        return View(new ContentListViewModel
        {
            Type = definition, Items = items, Total = total, Page = pageNumber, PageSize = pageSize,
            Status = status, Culture = culture, Query = q, Sort = sort ?? "modified", Notice = TempData["Notice"] as string,
        });
    }

    [HttpGet("content/{type}/new")]
    public async Task<IActionResult> Create(string type)
    {
        if (!await MayAsync(Permissions.EditContent, ContentPermissionResource.AnyType)) return Forbid();
        var definition = await definitions.GetTypeAsync(type);
        if (definition is null || !definition.Creatable) return NotFound();
        if (!await MayAsync(Permissions.EditContent, new(type, User.Identity?.Name))) return Forbid();
        var item = await contentManager.NewAsync(type);
        return View("Edit", await BuildAsync(definition, item, isNew: true));
    }

    [HttpPost("content/{type}/new")]
    public async Task<IActionResult> CreatePost(string type, [FromForm] string? submit)
    {
        if (!await MayAsync(Permissions.EditContent, ContentPermissionResource.AnyType)) return Forbid();
        var definition = await definitions.GetTypeAsync(type);
        if (definition is null || !definition.Creatable) return NotFound();
        if (!await MayAsync(Permissions.EditContent, new(type, User.Identity?.Name))) return Forbid();
        var publish = submit == "publish";
        if (publish && !await MayAsync(Permissions.PublishContent, new(type))) return Forbid();

        var item = await contentManager.NewAsync(type);
        item.Data = await binder.BindAsync(definition, Request.Form, null);
        if (await ApplyEditorActionAsync(definition, item, submit) is { } helped)
            return View("Edit", await BuildAsync(definition, item, isNew: true, message: helped));
        var result = await contentManager.CreateAsync(item, publish);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", await BuildAsync(definition, item, isNew: true, result.Validation, result.Validation.Succeeded ? result.Message : null));
        }
        TempData["Notice"] = WithWarnings(publish ? T["“{0}” was created and published.", item.DisplayText].Value : T["“{0}” was saved as a draft.", item.DisplayText].Value, result);
        return Redirect($"/admin/content/item/{item.ContentItemId}");
    }

    [HttpGet("content/item/{id}")]
    public async Task<IActionResult> Edit(string id)
    {
        var item = await contentManager.GetAsync(id, VersionOptions.Latest);
        if (item is null) return NotFound();
        var definition = await definitions.GetTypeAsync(item.ContentType);
        if (definition is null) return NotFound();
        return View("Edit", await BuildAsync(definition, item, isNew: false, message: TempData["Notice"] as string));
    }

    [HttpPost("content/item/{id}")]
    public async Task<IActionResult> EditPost(string id, [FromForm] string? stamp, [FromForm] string? submit)
    {
        if (!await MayAsync(Permissions.EditContent, ContentPermissionResource.AnyType)) return Forbid();
        var latest = await contentManager.GetAsync(id, VersionOptions.Latest);
        if (latest is null) return NotFound();
        var definition = await definitions.GetTypeAsync(latest.ContentType);
        if (definition is null) return NotFound();
        if (!await MayAsync(Permissions.EditContent, new(latest.ContentType, latest.Owner))) return Forbid();
        var publish = submit == "publish";
        if (publish && !await MayAsync(Permissions.PublishContent, new(latest.ContentType))) return Forbid();

        var data = await binder.BindAsync(definition, Request.Form, latest.Data);
        var edited = latest.WithData(data, stamp ?? "");
        if (await ApplyEditorActionAsync(definition, edited, submit) is { } helped)
            return View("Edit", await BuildAsync(definition, edited, isNew: false, message: helped));
        var result = await contentManager.UpdateAsync(id, data, stamp ?? "", publish);
        if (result.Succeeded)
        {
            TempData["Notice"] = WithWarnings(publish ? T["Your changes are published."].Value : T["Your changes are saved as a draft; the published version is unchanged."].Value, result);
            return Redirect($"/admin/content/item/{id}");
        }

        // Show the form again with what the person typed, so that nothing is lost. It keeps the stamp it was opened
        // with: after a conflict, saving again is refused again, on purpose.
        Response.StatusCode = result.Error == ContentError.Concurrency ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return View("Edit", await BuildAsync(definition, edited, isNew: false, result.Validation, result.Validation.Succeeded ? result.Message : null));
    }

    [HttpPost("content/item/{id}/publish")]
    public Task<IActionResult> Publish(string id) => ApplyAsync(id, Permissions.PublishContent, contentManager.PublishAsync, T["Published."]);

    [HttpPost("content/item/{id}/unpublish")]
    public Task<IActionResult> Unpublish(string id) => ApplyAsync(id, Permissions.PublishContent, contentManager.UnpublishAsync, T["Unpublished: the item is no longer on the public site."]);

    [HttpPost("content/item/{id}/clone")]
    public async Task<IActionResult> Clone(string id)
    {
        if (await ItemRightAsync(id, Permissions.EditContent, owned: false) is { } refused) return refused;
        var result = await contentManager.CloneAsync(id);
        if (result.Error == ContentError.NotFound) return NotFound();
        if (!result.Succeeded) return BadRequest(result.Message);
        TempData["Notice"] = T["This is a copy, saved as a draft."].Value;
        return Redirect($"/admin/content/item/{result.Item!.ContentItemId}");
    }

    /// <summary>Makes the item's translation into another culture: a draft copy in the same localization set, to be translated and published.</summary>
    [HttpPost("content/item/{id}/translate/{culture}")]
    public async Task<IActionResult> Translate(string id, string culture)
    {
        if (await ItemRightAsync(id, Permissions.EditContent, owned: false) is { } refused) return refused;
        if (!cultures.IsSupported(culture)) return BadRequest(T["Unknown language."].Value);
        var source = await contentManager.GetAsync(id, VersionOptions.Latest);
        if (source is null) return NotFound();
        var definition = await definitions.GetTypeAsync(source.ContentType);
        if (definition is null || !definition.Parts.Any(p => p.Name == "LocalizationPart")) return BadRequest(T["This kind of content has no translations."].Value);
        if (source.Culture == culture) return Redirect($"/admin/content/item/{id}");
        var set = source.LocalizationSet ?? source.ContentItemId;
        var existing = await db.ContentItems.AsNoTracking().Where(i => i.LocalizationSet == set && i.Culture == culture && i.Latest).Select(i => i.ContentItemId).FirstOrDefaultAsync();
        if (existing is not null) return Redirect($"/admin/content/item/{existing}");

        var translation = await contentManager.NewAsync(source.ContentType);
        translation.Data = (System.Text.Json.Nodes.JsonObject)source.Data.DeepClone();
        translation.Data["LocalizationPart"] = new System.Text.Json.Nodes.JsonObject { ["Culture"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = culture } };
        translation.Data.Remove("AutoroutePart"); // its own address, made from its own title
        translation.LocalizationSet = set;
        var result = await contentManager.CreateAsync(translation);
        if (!result.Succeeded) return BadRequest(result.Message);
        TempData["Notice"] = T["This is the {0} version, saved as a draft with the original's texts: translate them, then publish.", CultureName(culture)].Value;
        return Redirect($"/admin/content/item/{translation.ContentItemId}");
    }

    private string CultureName(string culture) => T[cultures.EnglishNameOf(culture)];

    [HttpPost("content/item/{id}/delete")]
    public async Task<IActionResult> Delete(string id)
    {
        if (await ItemRightAsync(id, Permissions.DeleteContent, owned: false) is { } refused) return refused;
        var latest = await contentManager.GetAsync(id, VersionOptions.Latest);
        if (latest is null) return NotFound();
        var result = await contentManager.DeleteAsync(id);
        if (!result.Succeeded) return BadRequest(result.Message);
        TempData["Notice"] = T["“{0}” was deleted.", latest.DisplayText].Value;
        return Redirect($"/admin/content/{latest.ContentType}");
    }

    [HttpGet("content/item/{id}/versions")]
    public async Task<IActionResult> Versions(string id)
    {
        var versions = await contentManager.GetVersionsAsync(id);
        if (versions.Count == 0) return NotFound();
        var definition = await definitions.GetTypeAsync(versions[0].ContentType);
        if (definition is null) return NotFound();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.ContentItemId == id).OrderByDescending(a => a.Id).Take(500).ToListAsync();
        return View(new VersionsViewModel { Type = definition, Versions = versions, Audit = audit, Notice = TempData["Notice"] as string });
    }

    /// <summary>Any older version comes back as a new draft (the versions in between stay in the history).</summary>
    [HttpPost("content/item/{id}/versions/{versionId}/restore")]
    public async Task<IActionResult> Restore(string id, string versionId)
    {
        if (await ItemRightAsync(id, Permissions.EditContent, owned: true) is { } refused) return refused;
        var version = await contentManager.GetVersionAsync(versionId);
        var latest = await contentManager.GetAsync(id, VersionOptions.Latest);
        if (version is null || latest is null || version.ContentItemId != id) return NotFound();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await contentManager.UpdateAsync(id, version.Data, latest.ConcurrencyStamp);
        if (!result.Succeeded)
        {
            TempData["Notice"] = T["Version {0} could not be restored: {1}", version.Number, result.Message ?? result.Validation.ToString()].Value;
            return Redirect($"/admin/content/item/{id}/versions");
        }
        audit.Complete(result.Item!, AuditActions.Restored, from: null, to: result.Item!.Status, new AuditNote(T["From version {0}", version.Number].Value,
            User.FindFirstValue(System.Security.Claims.ClaimTypes.NameIdentifier), User.Identity?.Name ?? ""));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        TempData["Notice"] = T["Version {0} is restored as a new draft; the published version is unchanged until you publish it.", version.Number].Value;
        return Redirect($"/admin/content/item/{id}");
    }

    private async Task<IActionResult> ApplyAsync(string id, string permission, Func<string, Task<ContentResult>> action, LocalizedString done)
    {
        if (await ItemRightAsync(id, permission, owned: false) is { } refused) return refused;
        var result = await action(id);
        if (result.Error == ContentError.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            TempData["Notice"] = result.Message;
            return Redirect($"/admin/content/item/{id}");
        }
        TempData["Notice"] = done.Value;
        return Redirect($"/admin/content/item/{id}");
    }

    private static string WithWarnings(string notice, ContentResult result) =>
        result.Validation.Warnings.Count == 0 ? notice : notice + " " + string.Join(" ", result.Validation.Warnings.Select(w => w.Message));

    /// <summary>A submit button named "action:{name}" runs that editor action on the unsaved form instead of saving.</summary>
    private async Task<string?> ApplyEditorActionAsync(ContentTypeDefinition type, ContentItem item, string? submit)
    {
        if (submit is null || !submit.StartsWith("action:", StringComparison.Ordinal)) return null;
        var action = editorActions.FirstOrDefault(a => a.Name == submit["action:".Length..] && a.FieldFor(type) is not null);
        return action is null ? T["Unknown editor action."].Value : await action.ApplyAsync(item);
    }

    private async Task<bool> MayAsync(string permission, ContentPermissionResource resource) =>
        (await authorization.AuthorizeAsync(User, resource, new PermissionRequirement(permission))).Succeeded;

    /// <summary>
    /// Null when the person may do this to the item; otherwise the refusal. Someone without the permission for any type
    /// is refused before the item is even looked up, so that a missing id tells nothing.
    /// </summary>
    private async Task<IActionResult?> ItemRightAsync(string id, string permission, bool owned)
    {
        if (!await MayAsync(permission, ContentPermissionResource.AnyType)) return Forbid();
        var latest = await contentManager.GetAsync(id, VersionOptions.Latest);
        if (latest is null) return null;
        return await MayAsync(permission, new(latest.ContentType, owned ? latest.Owner : null)) ? null : Forbid();
    }

    private async Task<ContentEditorViewModel> BuildAsync(ContentTypeDefinition type, ContentItem item, bool isNew, ContentValidationResult? validation = null, string? message = null) =>
        await editors.BuildAsync(type, item, isNew, validation, message, await MayAsync(Permissions.PublishContent, new(type.Name)), await MayAsync(Permissions.DeleteContent, new(type.Name)));
}
