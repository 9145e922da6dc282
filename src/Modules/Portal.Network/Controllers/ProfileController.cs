using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Portal.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Core.Localization;
using Portal.Network.Data;
using Portal.Network.Models;
using Portal.Network.Services;
using Portal.Taxonomies.Services;

namespace Portal.Network.Controllers;

/// <summary>A member's own profile: edit it, choose what anonymous visitors see, delete it.</summary>
[Authorize]
public sealed class ProfileController(Members members, SignInManager<PortalUser> signIn, Organisations organisations, VocabularyStore vocabularies, Cultures cultures, IStringLocalizer<ProfileController> T) : Controller
{
    private const string Route = "/{culture:culture}/{segment:localizedexact(network)}/{profile:localizedexact(network-profile)}";

    [HttpGet(Route)]
    public async Task<IActionResult> Edit(string culture, string? done)
    {
        Response.Headers.CacheControl = "no-store";
        if (await members.CurrentAsync(User) is not { } member) return Forbid();
        var form = new ApplicationForm
        {
            Name = member.Name, Email = member.Email, Organisation = member.OrganisationName, JobTitle = member.JobTitle, Side = member.Side,
            Languages = [.. Professional.Split(member.Languages)], Expertise = [.. Professional.Split(member.Expertise)], PublicFields = [.. Professional.Split(member.PublicFields)],
        };
        return View(await ModelAsync(culture, form, [], done == "saved" ? T["Your profile was saved."].Value : null));
    }

    [HttpPost(Route), ValidateAntiForgeryToken]
    public async Task<IActionResult> EditPost(string culture)
    {
        if (await members.CurrentAsync(User) is not { } member) return Forbid();
        var form = ApplicationForm.Read(Request.Form);
        form.Email = member.Email;
        var errors = form.Validate(await NetworkChoices.LoadAsync(vocabularies, cultures, culture), T, profile: true);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", await ModelAsync(culture, form, errors, null));
        }
        await members.UpdateAsync(member, form, culture);
        return Redirect(NetworkRoutes.PathOf(NetworkRoutes.Profile, culture) + "?done=saved");
    }

    [HttpPost(Route + "/{delete:localizedexact(network-delete)}"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Delete(string culture, [FromForm] string? confirm)
    {
        if (await members.CurrentAsync(User) is not { } member) return Forbid();
        if (confirm != "true")
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var form = new ApplicationForm { Name = member.Name, Organisation = member.OrganisationName, JobTitle = member.JobTitle, Side = member.Side,
                Languages = [.. Professional.Split(member.Languages)], Expertise = [.. Professional.Split(member.Expertise)], PublicFields = [.. Professional.Split(member.PublicFields)] };
            return View("Edit", await ModelAsync(culture, form, new Dictionary<string, string> { ["confirm"] = T["Tick the box to confirm that your profile is deleted."] }, null));
        }
        await members.DeleteAsync(member);
        await signIn.SignOutAsync();
        return View("Deleted");
    }

    private async Task<ApplicationViewModel> ModelAsync(string culture, ApplicationForm form, Dictionary<string, string> errors, string? notice) =>
        new(form, await NetworkChoices.LoadAsync(vocabularies, cultures, culture), await organisations.ListAsync(culture), errors,
            NetworkRoutes.PathOf(NetworkRoutes.Profile, culture), Profile: true, notice);
}
