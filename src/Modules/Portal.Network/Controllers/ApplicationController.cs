using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Portal.Core.Localization;
using Portal.Network.Models;
using Portal.Network.Services;
using Portal.Taxonomies.Services;

namespace Portal.Network.Controllers;

/// <summary>Anyone applies for a professional account; a moderator decides.</summary>
public sealed class ApplicationController(ProfessionalApplications applications, Organisations organisations, VocabularyStore vocabularies, Cultures cultures,
    IStringLocalizer<ApplicationController> T) : Controller
{
    [HttpGet("/{culture:culture}/{segment:localizedexact(network)}/{apply:localizedexact(network-apply)}")]
    public async Task<IActionResult> Apply(string culture) => View(await ModelAsync(culture, new ApplicationForm(), new Dictionary<string, string>()));

    [HttpPost("/{culture:culture}/{segment:localizedexact(network)}/{apply:localizedexact(network-apply)}"), ValidateAntiForgeryToken, EnableRateLimiting(Startup.ApplicationRateLimit)]
    public async Task<IActionResult> ApplyPost(string culture)
    {
        var form = ApplicationForm.Read(Request.Form);
        var choices = await NetworkChoices.LoadAsync(vocabularies, cultures, culture);
        var errors = form.Validate(choices, T);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Apply", await ModelAsync(culture, form, errors));
        }
        await applications.SubmitAsync(form, culture);
        return View("Applied");
    }

    private async Task<ApplicationViewModel> ModelAsync(string culture, ApplicationForm form, Dictionary<string, string> errors) =>
        new(form, await NetworkChoices.LoadAsync(vocabularies, cultures, culture), await organisations.ListAsync(culture), errors,
            NetworkRoutes.PathOf(NetworkRoutes.Apply, culture), Profile: false);
}
