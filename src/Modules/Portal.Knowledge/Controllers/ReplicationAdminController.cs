using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Core.Security;
using Portal.Knowledge.Data;
using Portal.Knowledge.Services;
using Portal.Knowledge.ViewModels;

namespace Portal.Knowledge.Controllers;

/// <summary>In the back office: the requests to replicate a project, forwarded to the holder or declined by a moderator (antiforgery by the global filter).</summary>
[RequirePermission(Portal.Moderation.Permissions.ReviewSubmissions), Route("admin/replication-requests")]
public sealed class ReplicationAdminController(ReplicationRequests requests, IStringLocalizer<ReplicationAdminController> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? done)
    {
        Response.Headers.CacheControl = "no-store";
        var recent = (await requests.ListAsync(ReplicationStatus.Forwarded)).Concat(await requests.ListAsync(ReplicationStatus.Declined))
            .OrderByDescending(r => r.DecidedUtc).Take(20).ToList();
        string? message = done switch
        {
            "forwarded" => T["The request was forwarded to the project holder."].Value,
            "declined" => T["The request was declined: nothing was sent."].Value,
            "no-address" => T["The project holder has no contact e-mail address: add one to the organisation's entry, then forward the request."].Value,
            "gone" => T["The project is no longer published: the request cannot be forwarded."].Value,
            "not-pending" => T["This request was already dealt with."].Value,
            _ => null,
        };
        return View(new ReplicationAdminViewModel(await requests.ListAsync(ReplicationStatus.Pending), recent, message));
    }

    [HttpPost("{id}/forward")]
    public async Task<IActionResult> Forward(string id) => Back(await requests.ForwardAsync(id, User));

    [HttpPost("{id}/decline")]
    public async Task<IActionResult> Decline(string id) => Back(await requests.DeclineAsync(id, User));

    private RedirectResult Back(ReplicationRequests.Outcome outcome) => Redirect("/admin/replication-requests?done=" + outcome switch
    {
        ReplicationRequests.Outcome.Forwarded => "forwarded",
        ReplicationRequests.Outcome.Declined => "declined",
        ReplicationRequests.Outcome.NoHolderAddress => "no-address",
        ReplicationRequests.Outcome.ProjectGone => "gone",
        _ => "not-pending",
    });
}
