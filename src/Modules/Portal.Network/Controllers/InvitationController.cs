using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Moderation.Services;
using Portal.Network.Models;
using Portal.Network.Services;

namespace Portal.Network.Controllers;

/// <summary>A partner account invites its organisation's staff to the network: a link by mail, valid seven days, to choose a password.</summary>
[Authorize]
public sealed class InvitationController(StaffInvitations invitations, PartnerScope partners, Organisations organisations, IStringLocalizer<InvitationController> T) : Controller
{
    private const string Route = "/{culture:culture}/{segment:localizedexact(network)}/{invite:localizedexact(network-invite)}";

    [HttpGet(Route)]
    public async Task<IActionResult> Invite(string culture)
    {
        Response.Headers.CacheControl = "no-store";
        if (await OrganisationAsync(culture) is not { } organisation) return Forbid();
        return View(new InviteViewModel(null, null, organisation.Title, new Dictionary<string, string>(), NetworkRoutes.PathOf(NetworkRoutes.Invite, culture), Sent: false));
    }

    [HttpPost(Route), ValidateAntiForgeryToken]
    public async Task<IActionResult> InvitePost(string culture, [FromForm] string? name, [FromForm] string? email)
    {
        if (await OrganisationAsync(culture) is not { } organisation) return Forbid();
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(name)) errors["Name"] = T["Enter the person's name."];
        else if (name.Trim().Length > ApplicationForm.MaxName) errors["Name"] = T["The name is limited to {0} characters.", ApplicationForm.MaxName];
        if (string.IsNullOrWhiteSpace(email)) errors["Email"] = T["Enter the person's work e-mail address."];
        else if (!ApplicationForm.IsEmail(email.Trim())) errors["Email"] = T["Enter an e-mail address such as name@example.org."];
        if (errors.Count == 0 && !await invitations.InviteAsync(name!.Trim(), email!.Trim(), organisation, culture, User)) errors["Email"] = T["This address already has a professional account."];
        var action = NetworkRoutes.PathOf(NetworkRoutes.Invite, culture);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Invite", new InviteViewModel(name, email, organisation.Title, errors, action, Sent: false));
        }
        return View("Invite", new InviteViewModel(null, null, organisation.Title, errors, action, Sent: true));
    }

    /// <summary>The partner's organisation (the first they are linked to), or null for any other account.</summary>
    private async Task<Organisations.Organisation?> OrganisationAsync(string culture)
    {
        var sets = await partners.ActorSetsAsync(User);
        foreach (var set in sets.Order())
            if (await organisations.TitleOfAsync(set, culture) is { } title) return new Organisations.Organisation(set, title);
        return null;
    }
}
