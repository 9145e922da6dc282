using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Localization;
using Portal.Events.Data;
using Portal.Events.Models;
using Portal.Events.Services;
using Portal.Events.ViewModels;

namespace Portal.Events.Controllers;

/// <summary>
/// In the partner space: the events of the partner's organisations and their registrants (never another organiser's):
/// the list, its exports, adding and removing a registrant, a message to the registrants, closing registration.
/// Antiforgery on every POST by the global filter.
/// </summary>
[Authorize]
public sealed class OrganiserController(OrganiserRegistrants organiser, OrganiserDesk desk, RegistrationClosing closing, IStringLocalizer<OrganiserController> T, ILogger<OrganiserController> logger) : Controller
{
    private const string Base = "/{culture:culture}/{space:localizedexact(partner-space)}/{segment:localizedexact(agenda)}";

    private static string BasePath(string culture, string space, string segment) => $"/{culture}/{space}/{segment}";

    [HttpGet(Base)]
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

    /// <summary>The event, if the signed-in partner organises it; otherwise null, and the attempt is logged.</summary>
    private async Task<EventDetails?> OwnAsync(string id, string culture, string what)
    {
        var e = await organiser.EventAsync(id, culture);
        if (e is not null && await organiser.OrganisesAsync(User, e)) return e;
        logger.LogWarning("Partner space: {User} tried to {What} of event {Event}, which is not theirs", User.Identity?.Name, what, id);
        return null;
    }

    private Task<RegistrantsViewModel> PageAsync(EventDetails e, string culture, string space, string segment, string id, OrganiserAddForm? add = null, OrganiserMessageForm? message = null)
    {
        var path = BasePath(culture, space, segment);
        return desk.BuildAsync(e, $"{path}/{id}", path, T["My events"], TempData["Notice"] as string, add, message);
    }

    [HttpGet(Base + "/{id}")]
    public async Task<IActionResult> Registrants(string culture, string space, string segment, string id)
    {
        if (await OwnAsync(id, culture, "see the registrants") is not { } e) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return View("Registrants", await PageAsync(e, culture, space, segment, id));
    }

    /// <summary>Closes the event's registration now: only for the partner of the organising actor.</summary>
    [HttpPost(Base + "/{id}/close-registration")]
    public async Task<IActionResult> CloseRegistration(string culture, string space, string segment, string id)
    {
        if (await OwnAsync(id, culture, "close the registration") is null) return NotFound();
        await closing.CloseNowAsync(id, User);
        return Redirect($"{BasePath(culture, space, segment)}/{id}");
    }

    [HttpPost(Base + "/{id}/add")]
    public async Task<IActionResult> Add(string culture, string space, string segment, string id)
    {
        if (await OwnAsync(id, culture, "add a registrant") is not { } e) return NotFound();
        var (form, status) = await desk.AddAsync(e, Request.Form);
        if (status is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Response.Headers.CacheControl = "no-store";
            return View("Registrants", await PageAsync(e, culture, space, segment, id, add: form));
        }
        TempData["Notice"] = desk.AddedNotice(status, form.Form.Name!.Trim());
        return Redirect($"{BasePath(culture, space, segment)}/{id}");
    }

    [HttpPost(Base + "/{id}/remove/{registration}")]
    public async Task<IActionResult> Remove(string culture, string space, string segment, string id, string registration)
    {
        if (await OwnAsync(id, culture, "remove a registrant") is not { } e) return NotFound();
        if (!await desk.RemoveAsync(e, registration)) return NotFound();
        TempData["Notice"] = desk.RemovedNotice();
        return Redirect($"{BasePath(culture, space, segment)}/{id}");
    }

    [HttpPost(Base + "/{id}/message")]
    public async Task<IActionResult> Message(string culture, string space, string segment, string id)
    {
        if (await OwnAsync(id, culture, "write to the registrants") is not { } e) return NotFound();
        var (form, sent) = await desk.MessageAsync(e, Request.Form);
        if (sent is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Response.Headers.CacheControl = "no-store";
            return View("Registrants", await PageAsync(e, culture, space, segment, id, message: form));
        }
        TempData["Notice"] = desk.SentNotice(sent.Value);
        return Redirect($"{BasePath(culture, space, segment)}/{id}");
    }

    [HttpGet(Base + "/{id}/registrants.csv")]
    public async Task<IActionResult> Csv(string culture, string id)
    {
        if (await OwnAsync(id, culture, "export the registrants") is not { } e) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(OrganiserRegistrants.Csv(e, await organiser.RegistrationsAsync(e)))).ToArray(),
            "text/csv; charset=utf-8", $"registrants-{id}.csv");
    }

    [HttpGet(Base + "/{id}/registrants.xlsx")]
    public async Task<IActionResult> Xlsx(string culture, string id)
    {
        if (await OwnAsync(id, culture, "export the registrants") is not { } e) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(OrganiserRegistrants.Xlsx(e, await organiser.RegistrationsAsync(e)), OrganiserRegistrants.XlsxType, $"registrants-{id}.xlsx");
    }
}
