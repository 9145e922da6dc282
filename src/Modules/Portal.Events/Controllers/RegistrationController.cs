using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Contents.ViewModels;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Events.Data;
using Portal.Events.Models;
using Portal.Events.Services;
using Portal.Events.ViewModels;

namespace Portal.Events.Controllers;

/// <summary>
/// Sign-up on an event page (POST, then a confirmation link by e-mail), and each registrant's own page reached from the
/// mails, where a button confirms or cancels: following a link never changes anything by itself (mail scanners open links).
/// </summary>
[AllowAnonymous]
public sealed class RegistrationController(Agenda agenda, EventRegistrations registrations, RegistrationPanels panels, RegistrationTokens tokens,
    PortalDbContext db, IContentDefinitionStore definitions, IOptions<EventsOptions> options, IStringLocalizer<RegistrationController> T) : Controller
{
    public const string RateLimit = "event-registrations";

    public static string PathOf(string culture) => AgendaController.PathOf(culture) + "/" + EventsRouteTable.Table.Segment(EventsRouteTable.Registration, culture);

    [HttpPost("/{culture:culture}/{segment:localized(agenda)}/{slug}/{registration:localized(agenda-registration)}"), EnableRateLimiting(RateLimit)]
    public async Task<IActionResult> Register(string culture, string segment, string slug)
    {
        var path = $"{EventsRouteTable.Table.Segment(EventsRouteTable.Agenda, culture)}/{slug}".ToLowerInvariant();
        var e = (await agenda.PublishedAsync(culture)).FirstOrDefault(x => x.Item.Path == path);
        if (e is null) return NotFound();
        var now = agenda.Now;
        var form = RegistrationForm.Read(Request.Form);
        var errors = RegistrationWindow.StateOf(e, now) == RegistrationWindow.State.Open
            ? form.Validate(T, RegistrationWindow.OpenSessions(e, now), Math.Max(1, Math.Min(options.Value.MaxSeats, e.Capacity ?? 1)),
                (await panels.NeedOptionsAsync(culture)).Select(o => o.Slug).ToHashSet())
            : new Dictionary<string, string> { ["Session"] = T["Registration is not open for this event."] };
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            ViewData["RegistrationPanel"] = await panels.BuildAsync(e, culture, form, errors);
            var type = await definitions.GetTypeAsync(EventTypes.Event);
            return View("/Views/ContentPublic/Item-Event.cshtml", new PublicItemViewModel { Item = e.Item, Type = type!, Parts = await definitions.GetPartsOfAsync(type!) });
        }
        await registrations.RegisterAsync(e, e.Sessions[form.Session], form, culture);
        return View("Sent", new RegistrationSentViewModel(e, form.Email!.Trim()));
    }

    [HttpGet("/{culture:culture}/{segment:localized(agenda)}/{registration:localized(agenda-registration)}/{token}")]
    public async Task<IActionResult> Show(string culture, string token) => await PageAsync(culture, token, null);

    /// <summary>step=confirm or step=cancel, from the registrant's page.</summary>
    [HttpPost("/{culture:culture}/{segment:localized(agenda)}/{registration:localized(agenda-registration)}/{token}")]
    public async Task<IActionResult> Act(string culture, string token, [FromForm] string? step)
    {
        var id = tokens.Read(token);
        var registration = id is null ? null : await registrations.FindAsync(id);
        if (registration is null) return NotFound();
        var e = await EventOfAsync(registration);
        if (e is null) return await PageAsync(culture, token, T["This event is no longer published."]);
        string message;
        switch (step)
        {
            case "confirm":
                var status = await registrations.ConfirmAsync(registration.Id, e);
                message = status switch
                {
                    RegistrationStatus.Confirmed => T["Your registration is confirmed."],
                    RegistrationStatus.Waiting => T["The event is full: you are on the waiting list. We will write to you if a seat becomes free."],
                    RegistrationStatus.Expired => T["This registration was not confirmed in time. Register again from the event page."],
                    _ => T["This registration was already dealt with."],
                };
                break;
            case "cancel":
                message = await registrations.CancelAsync(registration.Id, e) ? T["Your registration is cancelled."] : T["This registration was already closed."];
                break;
            default:
                return BadRequest();
        }
        return await PageAsync(culture, token, message);
    }

    private async Task<IActionResult> PageAsync(string culture, string token, string? message)
    {
        var id = tokens.Read(token);
        var registration = id is null ? null : await registrations.FindAsync(id);
        if (registration is null) return NotFound();
        var e = await EventOfAsync(registration);
        var onlineLink = registration.Status == RegistrationStatus.Confirmed && e is not null ? EventRegistrations.OnlineLinkOf(e) : null;
        Response.Headers.CacheControl = "no-store";
        return View("Registration", new RegistrationPageViewModel(registration, e, $"{PathOf(culture)}/{Uri.EscapeDataString(token)}", onlineLink, message));
    }

    private async Task<EventDetails?> EventOfAsync(Registration registration)
    {
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == registration.ContentItemId && i.Published);
        return item is null ? null : EventReader.Read(item, registration.Culture);
    }
}
