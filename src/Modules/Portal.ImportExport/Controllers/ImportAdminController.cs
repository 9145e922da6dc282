using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Content;
using Portal.Core.Security;
using Portal.ImportExport.Data;
using Portal.ImportExport.Import;
using Portal.ImportExport.Jobs;

namespace Portal.ImportExport.Controllers;

/// <summary>
/// /admin/import: upload a spreadsheet, check the proposed column mapping, see the dry run's report, then apply it.
/// The uploaded file is read once at upload: a file that cannot be read (or unpacks past the limits) is refused there
/// and nothing is kept. Otherwise it becomes an import job (its row keeps the file, the mapping, the mode and the
/// stored report), readable only by who uploaded it (or an administrator); background tasks analyse and apply it,
/// and its page follows it: a progress page while it runs, the stored report once it stands still.
/// </summary>
[RequirePermission(Permissions.ImportContent)]
public sealed class ImportAdminController(
    SpreadsheetReader reader,
    ImportService importer,
    ImportJobStore jobs,
    ImportProgressBoard board,
    ImportMappingStore mappings,
    ImportTargets targets,
    IContentDefinitionStore definitions,
    IOptions<ImportOptions> options,
    IAuthorizationService authorization,
    TimeProvider clock,
    IStringLocalizer<ImportAdminController> T) : Controller
{
    public sealed class ImportPageModel
    {
        public required ImportJob Job { get; init; }
        public required ContentTypeDefinition Type { get; init; }
        public required IReadOnlyList<ImportTarget> Targets { get; init; }
        public required ImportTable Table { get; init; }
        public required ImportReport Report { get; init; }
        public required bool CanPublish { get; init; }
        public required IReadOnlyList<ImportMapping> SavedMappings { get; init; }
        public string? Notice { get; init; }
    }

    public sealed class ProgressPageModel
    {
        public required ImportJob Job { get; init; }
        public required ImportJobStatus Status { get; init; }
        public required string Phase { get; init; }
        public required string Text { get; init; }
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

        var job = await jobs.CreateAsync(file!.FileName, bytes, type!, saved is not null && saved.ContentType == type ? saved : null, publish: false,
            User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", User.Identity?.Name ?? "");
        return Redirect(PageOf(job));
    }

    private static string PageOf(ImportJob job) => $"/admin/import/{job.Id}";

    [HttpGet("/admin/import/{id}")]
    public async Task<IActionResult> Show(string id)
    {
        var job = await LoadAsync(id);
        if (job is null) return NotFound();
        if (ImportJobState.IsRunning(job.State))
        {
            var status = ImportJobStatus.Of(job, board.Find(job.Id), clock);
            return View("Progress", new ProgressPageModel { Job = job, Status = status, Phase = PhaseText(job, status), Text = ProgressText(status) });
        }
        return View("Show", await PageModelAsync(job, TempData["Notice"] as string));
    }

    /// <summary>Where the job stands, for the progress page's script (the page itself says the same without it).</summary>
    [HttpGet("/admin/import/{id}/status")]
    public async Task<IActionResult> Status(string id)
    {
        var job = await LoadAsync(id);
        if (job is null) return NotFound();
        var status = ImportJobStatus.Of(job, board.Find(job.Id), clock);
        Response.Headers.CacheControl = "no-store";
        return Json(new
        {
            state = job.State,
            running = ImportJobState.IsRunning(job.State),
            done = status.Done,
            total = status.Total,
            percent = status.Percent,
            text = ProgressText(status),
            phase = PhaseText(job, status),
        });
    }

    private string PhaseText(ImportJob job, ImportJobStatus status) => (job.State, status.Started) switch
    {
        (ImportJobState.Analysing, false) => T["Waiting to check the file…"],
        (ImportJobState.Analysing, true) => T["Checking every row (dry run): nothing is written."],
        (ImportJobState.Applying, false) => T["Waiting for its turn: another import is being applied, or the work has not started yet."],
        (ImportJobState.Applying, true) => T["Applying: every row is checked again, then written. The site shows none of it until all is written."],
        _ => T["The import has stopped running."],
    };

    private string ProgressText(ImportJobStatus status) =>
        !status.Started ? T["Not started yet."]
        : status.SecondsLeft is { } left
            ? T["{0} of {1} steps done, {2:0} per second, about {3} left.", status.Done, status.Total, status.Rate, Duration(left)]
            : T["{0} of {1} steps done.", status.Done, status.Total];

    private string Duration(double seconds) => seconds < 90
        ? T["{0:0} s", Math.Max(1, Math.Ceiling(seconds))]
        : T["{0:0} min", Math.Ceiling(seconds / 60)];

    private async Task<ImportPageModel> PageModelAsync(ImportJob job, string? notice)
    {
        // The stored report: the file is not parsed again for the page.
        var report = ImportJobStore.ReportOf(job) ?? new ImportReport { FileName = job.FileName, ContentType = job.ContentType };
        return new ImportPageModel
        {
            Job = job,
            Type = (await definitions.GetTypeAsync(job.ContentType))!,
            Targets = await targets.ForAsync(job.ContentType),
            Table = report.Table,
            Report = report,
            CanPublish = (await authorization.AuthorizeAsync(User, PermissionPolicyProvider.Prefix + "PublishContent")).Succeeded,
            SavedMappings = await mappings.ListAsync(job.ContentType),
            Notice = notice,
        };
    }

    /// <summary>Keeps the mapping (and the mode) chosen in the form, then analyses the file again in the background.</summary>
    [HttpPost("/admin/import/{id}/check")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Check(string id, string? mode, string? saveAs)
    {
        var job = await LoadAsync(id);
        if (job is null) return NotFound();
        var stored = ImportJobStore.ReportOf(job);
        if (stored is null || ImportJobState.IsRunning(job.State)) return Redirect(PageOf(job));
        var (table, _, choices) = await importer.PrepareAsync(stored.Table, job.ContentType, stored.Mapping);
        var mapping = new ImportMapping { ContentType = job.ContentType, Name = stored.Mapping.Name };
        for (var i = 0; i < table.Headers.Count; i++)
        {
            if (table.Headers[i].Length == 0) continue;
            var chosen = Request.Form[$"column{i}"].ToString();
            mapping.Columns[table.Headers[i]] = choices.Any(t => t.Key == chosen) ? chosen : "";
        }
        var publish = mode == "publish";
        if (publish && !(await authorization.AuthorizeAsync(User, PermissionPolicyProvider.Prefix + "PublishContent")).Succeeded)
            return Forbid();
        string? notice = null;
        if (!string.IsNullOrWhiteSpace(saveAs))
        {
            var name = saveAs.Trim();
            if (name.Length > 80) name = name[..80];
            await mappings.SaveAsync(new ImportMapping { Name = name, ContentType = job.ContentType, Columns = new(mapping.Columns, StringComparer.OrdinalIgnoreCase) });
            mapping.Name = name;
            notice = T["The mapping was saved as '{0}'. It can be chosen for the next file, or on the command line with --mapping.", name];
        }
        await jobs.ReanalyseAsync(job, mapping, publish);
        TempData["Notice"] = notice ?? T["The file was checked again with this mapping. Nothing has been written yet."].Value;
        return Redirect(PageOf(job));
    }

    [HttpPost("/admin/import/{id}/apply")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Apply(string id)
    {
        var job = await LoadAsync(id);
        if (job is null) return NotFound();
        if (job.Publish && !(await authorization.AuthorizeAsync(User, PermissionPolicyProvider.Prefix + "PublishContent")).Succeeded)
            return Forbid();
        if (!await jobs.ApplyAsync(job))
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Show", await PageModelAsync(job, T["This import cannot be applied now: it has errors, or it is running or done already."]));
        }
        return Redirect(PageOf(job));
    }

    /// <summary>Stops a job that is analysing or applying: whatever it had written is rolled back.</summary>
    [HttpPost("/admin/import/{id}/cancel")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Cancel(string id)
    {
        var job = await LoadAsync(id);
        if (job is null) return NotFound();
        TempData["Notice"] = await jobs.CancelAsync(job)
            ? T["The import is being cancelled: nothing it had written is kept."].Value
            : T["The import was not running any more: there was nothing to cancel."].Value;
        return Redirect(PageOf(job));
    }

    [HttpGet("/admin/import/{id}/report.csv")]
    public async Task<IActionResult> ReportCsv(string id)
    {
        var job = await LoadAsync(id);
        if (job is null || ImportJobStore.ReportOf(job) is not { } report) return NotFound();
        return File(report.ToCsv(s => T[s]), "text/csv; charset=utf-8", $"{Path.GetFileNameWithoutExtension(job.FileName)}-report.csv");
    }

    /// <summary>A job of this user (administrators see all); null for an unknown or malformed id.</summary>
    private async Task<ImportJob?> LoadAsync(string id)
    {
        var job = await jobs.FindAsync(id);
        if (job is null) return null;
        if (job.UserId != User.FindFirstValue(ClaimTypes.NameIdentifier) && !User.IsInRole(Roles.Administrator)) return null;
        return job;
    }
}
