using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.ImportExport.Import;

namespace Portal.ImportExport.Controllers;

/// <summary>
/// /admin/import: upload a spreadsheet, check the proposed column mapping, see the dry run's report, then apply it.
/// The uploaded file is read once, at upload: a file that cannot be read (or unpacks past the limits) is refused there
/// and nothing is kept; otherwise the file and what was read from it wait under {DataDirectory}/imports/{token},
/// readable only by who uploaded it (or an administrator), and every later page works from what was read.
/// </summary>
[RequirePermission(Permissions.ImportContent)]
public sealed class ImportAdminController(
    ImportService importer,
    SpreadsheetReader reader,
    ImportMappingStore mappings,
    ImportTargets targets,
    IContentDefinitionStore definitions,
    DatabaseOptions database,
    IOptions<ImportOptions> options,
    IAuthorizationService authorization,
    IStringLocalizer<ImportAdminController> T) : Controller
{
    public sealed class Upload
    {
        public string Token { get; set; } = "";
        public string FileName { get; set; } = "";
        public string ContentType { get; set; } = "";
        public string UserId { get; set; } = "";
        public DateTime UploadedUtc { get; set; }
        public ImportMapping? Mapping { get; set; }
        public bool Publish { get; set; }
        public DateTime? Applied { get; set; }
    }

    public sealed class ImportPageModel
    {
        public required Upload Upload { get; init; }
        public required ContentTypeDefinition Type { get; init; }
        public required IReadOnlyList<ImportTarget> Targets { get; init; }
        public required ImportTable Table { get; init; }
        public required ImportReport Report { get; init; }
        public required bool CanPublish { get; init; }
        public required IReadOnlyList<ImportMapping> SavedMappings { get; init; }
        public string? Notice { get; init; }
    }

    public sealed class UploadPageModel
    {
        public required IReadOnlyList<ContentTypeDefinition> Types { get; init; }
        public required IReadOnlyList<ImportMapping> SavedMappings { get; init; }
        public required long MaxBytes { get; init; }
        public Dictionary<string, string> Errors { get; } = [];
        public string? ContentType { get; init; }
        public string? MappingName { get; init; }
    }

    private string Root => Path.Combine(database.DataDirectory, "imports");

    [HttpGet("/admin/import")]
    public async Task<IActionResult> Index() => View("Index", await UploadModelAsync(null, null));

    private async Task<UploadPageModel> UploadModelAsync(string? type, string? mapping)
    {
        var types = new List<ContentTypeDefinition>();
        foreach (var name in ImportService.ImportableTypes)
            if (await definitions.GetTypeAsync(name) is { } definition) types.Add(definition);
        return new UploadPageModel { Types = types, SavedMappings = await mappings.ListAsync(), MaxBytes = options.Value.MaxFileBytes, ContentType = type, MappingName = mapping };
    }

    [HttpPost("/admin/import")]
    [ValidateAntiForgeryToken]
    [RequestSizeLimit(64 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
    public async Task<IActionResult> Create(IFormFile? file, string? type, string? mapping)
    {
        var model = await UploadModelAsync(type, mapping);
        if (type is null || !ImportService.ImportableTypes.Contains(type)) model.Errors["type"] = T["Choose what the file lists."];
        if (file is null || file.Length == 0) model.Errors["file"] = T["Choose a file (.xlsx or .csv)."];
        else if (!SpreadsheetReader.IsSupported(file.FileName)) model.Errors["file"] = T["Only .xlsx and .csv files can be imported."];
        else if (file.Length > options.Value.MaxFileBytes)
            model.Errors["file"] = T["The file is {0:0.0} MB; the limit is {1:0.#} MB. Split it into several files.", file.Length / 1048576.0, options.Value.MaxFileBytes / 1048576.0];
        ImportMapping? saved = null;
        ImportTable? table = null;
        if (!string.IsNullOrEmpty(mapping) && (saved = await mappings.GetAsync(mapping)) is null) model.Errors["mapping"] = T["This mapping does not exist any more."];
        byte[] bytes = [];
        if (model.Errors.Count == 0)
        {
            await using (var buffer = new MemoryStream((int)file!.Length))
            {
                await file.CopyToAsync(buffer);
                bytes = buffer.ToArray();
            }
            table = reader.Read(file.FileName, bytes);
            // Nothing could be read from it: say why now, and keep nothing.
            if (table.Headers.Count == 0 && table.Problems.FirstOrDefault(p => p.Row == 0) is { } unreadable) model.Errors["file"] = unreadable.Message;
        }
        if (model.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", model);
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var folder = Path.Combine(Root, token);
        System.IO.Directory.CreateDirectory(folder);
        var extension = Path.GetExtension(file!.FileName).ToLowerInvariant();
        await System.IO.File.WriteAllBytesAsync(Path.Combine(folder, "file" + extension), bytes);
        await SaveTableAsync(token, table!);
        var upload = new Upload
        {
            Token = token,
            FileName = Path.GetFileName(file.FileName),
            ContentType = type!,
            UserId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            UploadedUtc = DateTime.UtcNow,
            Mapping = saved is not null && saved.ContentType == type ? saved : null,
        };
        await SaveAsync(upload);
        return Redirect($"/admin/import/{token}");
    }

    [HttpGet("/admin/import/{token}")]
    public async Task<IActionResult> Show(string token)
    {
        var upload = await LoadAsync(token);
        if (upload is null) return NotFound();
        return View("Show", await PageModelAsync(upload, TempData["Notice"] as string));
    }

    private async Task<ImportPageModel> PageModelAsync(Upload upload, string? notice, ImportReport? report = null)
    {
        // The report carries the file as read: the file is parsed once for the page.
        report ??= await importer.PlanAsync(upload.FileName, await TableAsync(upload), upload.ContentType, upload.Mapping, upload.Publish);
        return new ImportPageModel
        {
            Upload = upload,
            Type = (await definitions.GetTypeAsync(upload.ContentType))!,
            Targets = await targets.ForAsync(upload.ContentType),
            Table = report.Table,
            Report = report,
            CanPublish = (await authorization.AuthorizeAsync(User, PermissionPolicyProvider.Prefix + "PublishContent")).Succeeded,
            SavedMappings = await mappings.ListAsync(upload.ContentType),
            Notice = notice,
        };
    }

    /// <summary>Stores the mapping (and the mode) chosen in the form, then shows the dry run again.</summary>
    [HttpPost("/admin/import/{token}/check")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Check(string token, string? mode, string? saveAs)
    {
        var upload = await LoadAsync(token);
        if (upload is null) return NotFound();
        var (table, _, targets) = await importer.PrepareAsync(await TableAsync(upload), upload.ContentType, upload.Mapping);
        var mapping = new ImportMapping { ContentType = upload.ContentType, Name = upload.Mapping?.Name ?? "" };
        for (var i = 0; i < table.Headers.Count; i++)
        {
            if (table.Headers[i].Length == 0) continue;
            var chosen = Request.Form[$"column{i}"].ToString();
            mapping.Columns[table.Headers[i]] = targets.Any(t => t.Key == chosen) ? chosen : "";
        }
        upload.Mapping = mapping;
        upload.Publish = mode == "publish";
        if (upload.Publish && !(await authorization.AuthorizeAsync(User, PermissionPolicyProvider.Prefix + "PublishContent")).Succeeded)
            return Forbid();
        string? notice = null;
        if (!string.IsNullOrWhiteSpace(saveAs))
        {
            var name = saveAs.Trim();
            if (name.Length > 80) name = name[..80];
            await mappings.SaveAsync(new ImportMapping { Name = name, ContentType = upload.ContentType, Columns = new(mapping.Columns, StringComparer.OrdinalIgnoreCase) });
            mapping.Name = name;
            notice = T["The mapping was saved as '{0}'. It can be chosen for the next file, or on the command line with --mapping.", name];
        }
        await SaveAsync(upload);
        TempData["Notice"] = notice ?? T["The file was checked again with this mapping. Nothing has been written yet."].Value;
        return Redirect($"/admin/import/{token}#report");
    }

    [HttpPost("/admin/import/{token}/apply")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Apply(string token)
    {
        var upload = await LoadAsync(token);
        if (upload is null) return NotFound();
        if (upload.Publish && !(await authorization.AuthorizeAsync(User, PermissionPolicyProvider.Prefix + "PublishContent")).Succeeded)
            return Forbid();
        var report = await importer.ApplyAsync(upload.FileName, await TableAsync(upload), upload.ContentType, upload.Mapping, upload.Publish, HttpContext.RequestAborted);
        if (!report.Applied)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Show", await PageModelAsync(upload, T["Nothing was imported: the file has errors (listed below)."], report));
        }
        var created = report.Count(ImportAction.Create);
        var updated = report.Count(ImportAction.Update);
        TempData["Notice"] = created + updated == 0
            ? T["Nothing to change: every row matches the directory already."].Value
            : upload.Publish ? T["Imported and published: {0} created, {1} updated.", created, updated].Value : T["Imported as drafts for review: {0} created, {1} updated.", created, updated].Value;
        upload.Applied = DateTime.UtcNow;
        await SaveAsync(upload);
        return Redirect($"/admin/import/{token}");
    }

    [HttpGet("/admin/import/{token}/report.csv")]
    public async Task<IActionResult> ReportCsv(string token)
    {
        var upload = await LoadAsync(token);
        if (upload is null) return NotFound();
        var report = await importer.PlanAsync(upload.FileName, await TableAsync(upload), upload.ContentType, upload.Mapping, upload.Publish);
        return File(report.ToCsv(s => T[s]), "text/csv; charset=utf-8", $"{Path.GetFileNameWithoutExtension(upload.FileName)}-report.csv");
    }

    // ------------------------------------------------------------------ storage

    private string FileOf(Upload upload) => Path.Combine(Root, upload.Token, "file" + Path.GetExtension(upload.FileName).ToLowerInvariant());

    private string TableFileOf(string token) => Path.Combine(Root, token, "table.json");

    private async Task SaveTableAsync(string token, ImportTable table)
    {
        await using var stream = System.IO.File.Create(TableFileOf(token));
        await JsonSerializer.SerializeAsync(stream, table, ContentJson.Options);
    }

    /// <summary>What was read from the file at upload (an upload from before this was kept is read once more, then kept).</summary>
    private async Task<ImportTable> TableAsync(Upload upload)
    {
        var path = TableFileOf(upload.Token);
        if (System.IO.File.Exists(path))
        {
            await using var stream = System.IO.File.OpenRead(path);
            if (await JsonSerializer.DeserializeAsync<ImportTable>(stream, ContentJson.Options) is { } kept) return kept;
        }
        var table = reader.Read(upload.FileName, await System.IO.File.ReadAllBytesAsync(FileOf(upload)));
        await SaveTableAsync(upload.Token, table);
        return table;
    }

    private async Task SaveAsync(Upload upload) =>
        await System.IO.File.WriteAllTextAsync(Path.Combine(Root, upload.Token, "upload.json"), JsonSerializer.Serialize(upload, ContentJson.Options));

    /// <summary>An upload of this user (administrators see all); null for an unknown or malformed token.</summary>
    private async Task<Upload?> LoadAsync(string token)
    {
        if (token.Length != 32 || !token.All(char.IsAsciiHexDigitLower)) return null;
        var path = Path.Combine(Root, token, "upload.json");
        if (!System.IO.File.Exists(path)) return null;
        var upload = JsonSerializer.Deserialize<Upload>(await System.IO.File.ReadAllTextAsync(path), ContentJson.Options);
        if (upload is null || !System.IO.File.Exists(FileOf(upload))) return null;
        if (upload.UserId != User.FindFirstValue(ClaimTypes.NameIdentifier) && !User.IsInRole(Roles.Administrator)) return null;
        return upload;
    }
}
