using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Moderation;
using Portal.Moderation.Services;
using Portal.Network.Models;
using Portal.Network.Services;

namespace Portal.Network.Controllers;

/// <summary>A partner fills the professional-only details of their entry (shown below their form of it, or on its own page).</summary>
[Authorize]
public sealed class EntryDetailsController(EntryDetails details, PartnerScope partners, PortalDbContext db, IStringLocalizer<EntryDetailsController> T) : Controller
{
    private const string Route = "/{culture:culture}/{segment:localizedexact(network)}/{details:localizedexact(network-details)}/{id}";

    [HttpGet(Route)]
    public async Task<IActionResult> Edit(string culture, string id)
    {
        Response.Headers.CacheControl = "no-store";
        if (await EntryAsync(id) is not { } item) return NotFound();
        if (!details.Carries(item.ContentType) || !await partners.OwnsAsync(User, item)) return Forbid();
        return View(new DetailsFormModel(item, DetailsForm.Of(await details.GetAsync(item)), new Dictionary<string, string>(), Standalone: true));
    }

    [HttpPost(Route), ValidateAntiForgeryToken]
    public async Task<IActionResult> EditPost(string culture, string id)
    {
        if (await EntryAsync(id) is not { } item) return NotFound();
        if (!details.Carries(item.ContentType) || !await partners.OwnsAsync(User, item)) return Forbid();
        var form = DetailsForm.Read(Request.Form);
        var errors = form.Validate(T);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", new DetailsFormModel(item, form, errors, Standalone: true));
        }
        await details.SaveAsync(item, form, User);
        return Redirect($"/{culture}/{PartnerRoutes.Segment(culture)}/{id}?details=saved");
    }

    private Task<Portal.Core.Content.ContentItem?> EntryAsync(string id) =>
        db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == id && i.Latest);
}
