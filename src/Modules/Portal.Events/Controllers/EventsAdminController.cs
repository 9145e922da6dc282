using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Core.Localization;
using Portal.Core.Security;
using Portal.Events.Models;
using Portal.Events.Services;
using Portal.Events.ViewModels;

namespace Portal.Events.Controllers;

/// <summary>
/// In the back office: any event's registrants, per session, their exports, adding and removing a registrant, a message
/// to the registrants and closing registration (staff who edit content; antiforgery on every POST by the global filter).
/// </summary>
[RequirePermission(Portal.Contents.Permissions.EditContent), Route("admin/events")]
public sealed class EventsAdminController(OrganiserRegistrants organiser, OrganiserDesk desk, RegistrationClosing closing, Cultures cultures, IStringLocalizer<EventsAdminController> T) : Controller
{
    private Task<RegistrantsViewModel> PageAsync(EventDetails e, string id, OrganiserAddForm? add = null, OrganiserMessageForm? message = null)
    {
        ViewData["Admin"] = true;
        return desk.BuildAsync(e, $"/admin/events/{id}", $"/admin/content/item/{id}", T["Back to the event"], TempData["Notice"] as string, add, message);
    }

    [HttpGet("{id}/registrants")]
    public async Task<IActionResult> Registrants(string id)
    {
        if (await organiser.EventAsync(id, cultures.Current) is not { } e) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return View("Registrants", await PageAsync(e, id));
    }

    [HttpPost("{id}/close-registration")]
    public async Task<IActionResult> CloseRegistration(string id)
    {
        if (await organiser.EventAsync(id, cultures.Current) is null) return NotFound();
        await closing.CloseNowAsync(id, User);
        return Redirect($"/admin/events/{id}/registrants");
    }

    [HttpPost("{id}/add")]
    public async Task<IActionResult> Add(string id)
    {
        if (await organiser.EventAsync(id, cultures.Current) is not { } e) return NotFound();
        var (form, status) = await desk.AddAsync(e, Request.Form);
        if (status is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Response.Headers.CacheControl = "no-store";
            return View("Registrants", await PageAsync(e, id, add: form));
        }
        TempData["Notice"] = desk.AddedNotice(status, form.Form.Name!.Trim());
        return Redirect($"/admin/events/{id}/registrants");
    }

    [HttpPost("{id}/remove/{registration}")]
    public async Task<IActionResult> Remove(string id, string registration)
    {
        if (await organiser.EventAsync(id, cultures.Current) is not { } e) return NotFound();
        if (!await desk.RemoveAsync(e, registration)) return NotFound();
        TempData["Notice"] = desk.RemovedNotice();
        return Redirect($"/admin/events/{id}/registrants");
    }

    [HttpPost("{id}/message")]
    public async Task<IActionResult> Message(string id)
    {
        if (await organiser.EventAsync(id, cultures.Current) is not { } e) return NotFound();
        var (form, sent) = await desk.MessageAsync(e, Request.Form);
        if (sent is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Response.Headers.CacheControl = "no-store";
            return View("Registrants", await PageAsync(e, id, message: form));
        }
        TempData["Notice"] = desk.SentNotice(sent.Value);
        return Redirect($"/admin/events/{id}/registrants");
    }

    [HttpGet("{id}/registrants.csv")]
    public async Task<IActionResult> Csv(string id)
    {
        if (await organiser.EventAsync(id, cultures.Current) is not { } e) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(OrganiserRegistrants.Csv(e, await organiser.RegistrationsAsync(e)))).ToArray(),
            "text/csv; charset=utf-8", $"registrants-{id}.csv");
    }

    [HttpGet("{id}/registrants.xlsx")]
    public async Task<IActionResult> Xlsx(string id)
    {
        if (await organiser.EventAsync(id, cultures.Current) is not { } e) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(OrganiserRegistrants.Xlsx(e, await organiser.RegistrationsAsync(e)), OrganiserRegistrants.XlsxType, $"registrants-{id}.xlsx");
    }
}
