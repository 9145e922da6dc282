using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Portal.Core.Security;
using Portal.Moderation.Services;

namespace Portal.Moderation.Controllers;

/// <summary>
/// Four eyes, per workflow: an administrator may allow self-approval (a small team where one person writes and
/// approves). The form is on the review queue; only administrators see it and may send it.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class WorkflowSettingsController(WorkflowStore workflows, IStringLocalizer<WorkflowSettingsController> T, ILogger<WorkflowSettingsController> logger) : Controller
{
    [HttpPost("/admin/review/self-approval"), ValidateAntiForgeryToken]
    public async Task<IActionResult> SelfApproval([FromForm] List<string>? allow)
    {
        allow ??= [];
        var document = await workflows.GetAsync();
        if (allow.Except(document.Workflows.Select(w => w.Name)).FirstOrDefault() is { } unknown)
            return BadRequest(T["There is no workflow named {0}.", unknown].Value);
        foreach (var workflow in document.Workflows) workflow.AllowSelfApproval = allow.Contains(workflow.Name);
        await workflows.SaveAsync(document);
        logger.LogInformation("{User} set self-approval: allowed in {Workflows}", User.Identity?.Name, allow.Count == 0 ? "no workflow" : string.Join(", ", allow));
        TempData["Notice"] = T["Self-approval settings saved."].Value;
        return Redirect("/admin/review");
    }
}
