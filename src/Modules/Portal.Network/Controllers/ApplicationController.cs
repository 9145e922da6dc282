using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Core.Localization;
using Portal.Network.Models;
using Portal.Network.Services;
using Portal.Taxonomies.Services;

namespace Portal.Network.Controllers;

/// <summary>Anyone applies for a professional account; a moderator decides.</summary>
public sealed class ApplicationController(ProfessionalApplications applications, Organisations organisations, VocabularyStore vocabularies, Cultures cultures,
    ApplicationLimit limit, IStringLocalizer<ApplicationController> T) : Controller
{
    [HttpGet("/{culture:culture}/{segment:localizedexact(network)}/{apply:localizedexact(network-apply)}")]
    public async Task<IActionResult> Apply(string culture) => View(await ModelAsync(culture, new ApplicationForm(), new Dictionary<string, string>()));

    [HttpPost("/{culture:culture}/{segment:localizedexact(network)}/{apply:localizedexact(network-apply)}"), ValidateAntiForgeryToken]
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
        // Past the limit of its address, the application is not recorded: the form comes back as typed, with the reason.
        if (!limit.TryTake(HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", out var retryAfter))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return View("Apply", await ModelAsync(culture, form, new Dictionary<string, string>(),
                T["Many applications were sent from your connection in the last hour: yours is not recorded yet. Send it again later, within the hour at the most."]));
        }
        await applications.SubmitAsync(form, culture);
        return View("Applied");
    }

    private async Task<ApplicationViewModel> ModelAsync(string culture, ApplicationForm form, Dictionary<string, string> errors, string? notice = null) =>
        new(form, await NetworkChoices.LoadAsync(vocabularies, cultures, culture), await organisations.ListAsync(culture), errors,
            NetworkRoutes.PathOf(NetworkRoutes.Apply, culture), Profile: false, notice);
}
