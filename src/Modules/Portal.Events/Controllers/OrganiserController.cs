using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Localization;
using Portal.Events.Data;
using Portal.Events.Models;
using Portal.Events.Services;
using Portal.Events.ViewModels;

namespace Portal.Events.Controllers;

/// <summary>In the partner space: the events of the partner's organisations and their registrants (never another organiser's).</summary>
[Authorize]
public sealed class OrganiserController(OrganiserRegistrants organiser, RegistrationClosing closing, TimeProvider clock, IStringLocalizer<OrganiserController> T, ILogger<OrganiserController> logger) : Controller
{
    private string BasePath(string culture, string space, string segment) => $"/{culture}/{space}/{segment}";

    [HttpGet("/{culture:culture}/{space:localizedexact(partner-space)}/{segment:localizedexact(agenda)}")]
    public async Task<IActionResult> Index(string culture, string space, string segment)
    {
        var list = await organiser.EventsOfAsync(User, culture);
        if (list.Count == 0) return NotFound();
        var rows = new List<(Portal.Events.Models.EventDetails, int, int)>();
        foreach (var e in list)
        {
            var registrations = await organiser.RegistrationsAsync(e);
            rows.Add((e, registrations.Where(r => r.Status == RegistrationStatus.Confirmed).Sum(r => r.Seats), registrations.Where(r => r.Status == RegistrationStatus.Waiting).Sum(r => r.Seats)));
        }
        return View("Events", new OrganiserEventsViewModel(rows, BasePath(culture, space, segment)));
    }

    [HttpGet("/{culture:culture}/{space:localizedexact(partner-space)}/{segment:localizedexact(agenda)}/{id}")]
    public async Task<IActionResult> Registrants(string culture, string space, string segment, string id)
    {
        var e = await organiser.EventAsync(id, culture);
        if (e is null || !await organiser.OrganisesAsync(User, e))
        {
            logger.LogWarning("Partner space: {User} asked for the registrants of event {Event}, which is not theirs", User.Identity?.Name, id);
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        var path = BasePath(culture, space, segment);
        return View("Registrants", new RegistrantsViewModel(e, await organiser.RegistrationsAsync(e), $"{path}/{id}/registrants.csv", path, T["My events"])
        {
            CloseUrl = $"{path}/{id}/close-registration", Registration = RegistrationWindow.StateOf(e, EventSession.LocalNow(clock)),
        });
    }

    /// <summary>Closes the event's registration now: only for the partner of the organising actor (antiforgery by the global filter).</summary>
    [HttpPost("/{culture:culture}/{space:localizedexact(partner-space)}/{segment:localizedexact(agenda)}/{id}/close-registration")]
    public async Task<IActionResult> CloseRegistration(string culture, string space, string segment, string id)
    {
        var e = await organiser.EventAsync(id, culture);
        if (e is null || !await organiser.OrganisesAsync(User, e))
        {
            logger.LogWarning("Partner space: {User} tried to close the registration of event {Event}, which is not theirs", User.Identity?.Name, id);
            return NotFound();
        }
        await closing.CloseNowAsync(id, User);
        return Redirect($"{BasePath(culture, space, segment)}/{id}");
    }

    [HttpGet("/{culture:culture}/{space:localizedexact(partner-space)}/{segment:localizedexact(agenda)}/{id}/registrants.csv")]
    public async Task<IActionResult> Csv(string culture, string id)
    {
        var e = await organiser.EventAsync(id, culture);
        if (e is null || !await organiser.OrganisesAsync(User, e)) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(OrganiserRegistrants.Csv(e, await organiser.RegistrationsAsync(e)))).ToArray(),
            "text/csv; charset=utf-8", $"registrants-{id}.csv");
    }
}
