using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Core.Localization;
using Portal.Core.Security;
using Portal.Events.Models;
using Portal.Events.Services;
using Portal.Events.ViewModels;

namespace Portal.Events.Controllers;

/// <summary>In the back office: any event's registrants, per session, and their CSV export.</summary>
[RequirePermission(Portal.Contents.Permissions.EditContent), Route("admin/events")]
public sealed class EventsAdminController(OrganiserRegistrants organiser, RegistrationClosing closing, Cultures cultures, TimeProvider clock, IStringLocalizer<EventsAdminController> T) : Controller
{
    [HttpGet("{id}/registrants")]
    public async Task<IActionResult> Registrants(string id)
    {
        var e = await organiser.EventAsync(id, cultures.Current);
        if (e is null) return NotFound();
        Response.Headers.CacheControl = "no-store";
        ViewData["Admin"] = true;
        return View("Registrants", new RegistrantsViewModel(e, await organiser.RegistrationsAsync(e), $"/admin/events/{id}/registrants.csv", $"/admin/content/item/{id}", T["Back to the event"])
        {
            CloseUrl = $"/admin/events/{id}/close-registration", Registration = RegistrationWindow.StateOf(e, EventSession.LocalNow(clock)),
        });
    }

    /// <summary>Closes the event's registration now (staff who edit content; antiforgery by the global filter).</summary>
    [HttpPost("{id}/close-registration")]
    public async Task<IActionResult> CloseRegistration(string id)
    {
        var e = await organiser.EventAsync(id, cultures.Current);
        if (e is null) return NotFound();
        await closing.CloseNowAsync(id, User);
        return Redirect($"/admin/events/{id}/registrants");
    }

    [HttpGet("{id}/registrants.csv")]
    public async Task<IActionResult> Csv(string id)
    {
        var e = await organiser.EventAsync(id, cultures.Current);
        if (e is null) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(OrganiserRegistrants.Csv(e, await organiser.RegistrationsAsync(e)))).ToArray(),
            "text/csv; charset=utf-8", $"registrants-{id}.csv");
    }
}
