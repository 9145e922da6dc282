using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Network.Data;
using Portal.Network.Models;
using Portal.Network.Services;

namespace Portal.Network.Controllers;

/// <summary>A member writes to another through the site: relayed by mail, no address shown, a limited number a day.</summary>
[Authorize]
public sealed class ContactController(Members members, ContactRelay relay, NetworkDbContext network, IStringLocalizer<ContactController> T) : Controller
{
    private const string Route = "/{culture:culture}/{segment:localizedexact(network)}/{contact:localizedexact(network-contact)}/{id}";

    [HttpGet(Route)]
    public async Task<IActionResult> Write(string culture, string id)
    {
        Response.Headers.CacheControl = "no-store";
        if (await members.CurrentAsync(User) is not { } sender) return Forbid();
        if (await RecipientAsync(id) is not { } recipient) return NotFound();
        return View(new ContactViewModel(NetworkDirectory.Card(recipient, true), new ContactForm(), new Dictionary<string, string>(), ActionUrl(culture, id), await relay.LimitReachedAsync(sender)));
    }

    [HttpPost(Route), ValidateAntiForgeryToken]
    public async Task<IActionResult> WritePost(string culture, string id)
    {
        if (await members.CurrentAsync(User) is not { } sender) return Forbid();
        if (await RecipientAsync(id) is not { } recipient || recipient.Id == sender.Id) return NotFound();
        var form = ContactForm.Read(Request.Form);
        if (await relay.LimitReachedAsync(sender))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View("Write", new ContactViewModel(NetworkDirectory.Card(recipient, true), form, new Dictionary<string, string>(), ActionUrl(culture, id), LimitReached: true));
        }
        var errors = form.Validate(T);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Write", new ContactViewModel(NetworkDirectory.Card(recipient, true), form, errors, ActionUrl(culture, id), LimitReached: false));
        }
        await relay.SendAsync(sender, recipient, form);
        return View("Sent", NetworkDirectory.Card(recipient, true));
    }

    private Task<Professional?> RecipientAsync(string id) =>
        network.Professionals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.Status == ProfessionalStatus.Approved);

    private static string ActionUrl(string culture, string id) => $"{NetworkRoutes.PathOf(NetworkRoutes.Contact, culture)}/{id}";
}
