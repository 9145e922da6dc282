using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Core.Localization;
using Portal.Core.Security;
using Portal.Network.Data;
using Portal.Network.Services;
using Portal.Taxonomies.Services;

namespace Portal.Network.Controllers;

/// <summary>In the back office: the applications for a professional account, approved or rejected with a reason by a moderator.</summary>
[RequirePermission(Portal.Moderation.Permissions.ReviewSubmissions), Route("admin/network/applications")]
public sealed class NetworkAdminController(ProfessionalApplications applications, VocabularyStore vocabularies, Cultures cultures, IStringLocalizer<NetworkAdminController> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? done)
    {
        Response.Headers.CacheControl = "no-store";
        var recent = (await applications.ListAsync(ProfessionalStatus.Approved)).Concat(await applications.ListAsync(ProfessionalStatus.Rejected))
            .OrderByDescending(p => p.DecidedUtc).Take(20).ToList();
        string? message = done switch
        {
            "approved" => T["The application was approved: the applicant was sent a link to choose a password."].Value,
            "rejected" => T["The application was rejected: the applicant was told why."].Value,
            "reason" => T["Give the reason for the rejection: it is sent to the applicant."].Value,
            "failed" => T["The account could not be created: check the address."].Value,
            "not-pending" => T["This application was already dealt with."].Value,
            _ => null,
        };
        return View(new ApplicationsAdminViewModel(await applications.ListAsync(ProfessionalStatus.Pending), recent, message,
            await NetworkChoices.LoadAsync(vocabularies, cultures, cultures.Current)));
    }

    [HttpPost("{id}/approve"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Approve(string id) => Back(await applications.ApproveAsync(id, User));

    [HttpPost("{id}/reject"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Reject(string id, [FromForm] string? reason) => Back(await applications.RejectAsync(id, reason, User));

    private RedirectResult Back(ProfessionalApplications.Outcome outcome) => Redirect("/admin/network/applications?done=" + outcome switch
    {
        ProfessionalApplications.Outcome.Approved => "approved",
        ProfessionalApplications.Outcome.Rejected => "rejected",
        ProfessionalApplications.Outcome.ReasonMissing => "reason",
        ProfessionalApplications.Outcome.Failed => "failed",
        _ => "not-pending",
    });
}
