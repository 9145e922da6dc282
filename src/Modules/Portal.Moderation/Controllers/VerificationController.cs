using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Localization;
using Portal.Core.Security;
using Portal.Moderation.Services;

namespace Portal.Moderation.Controllers;

/// <summary>
/// The reminder's "still accurate" link: a signed token for one item and one partner, valid 60 days. Opening it shows
/// the entry and one button (a mail scanner that follows links changes nothing); pressing it records the check.
/// An expired or altered link says so and changes nothing.
/// </summary>
[AllowAnonymous]
public sealed class VerificationController(Portal.Core.Localization.Cultures cultures, 
    PortalDbContext db, PartnerScope scope, VerificationTokens tokens, VerificationRecorder recorder, IContentManager contentManager, ILogger<VerificationController> logger) : Controller
{
    public sealed class VerificationModel
    {
        public required string Culture { get; init; }
        public string? Token { get; init; }
        public ContentItem? Item { get; init; }
        public bool Invalid { get; init; }
        public bool Done { get; init; }
    }

    [HttpGet("/{culture:culture}/verification/{token}")]
    public async Task<IActionResult> Show(string token)
    {
        var (item, _) = await ReadAsync(token);
        if (item is null) return Invalid();
        return View("Index", new VerificationModel { Culture = cultures.Current, Token = token, Item = item });
    }

    [HttpPost("/{culture:culture}/verification/{token}"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Confirm(string token)
    {
        var (item, partner) = await ReadAsync(token);
        if (item is null || partner is null) return Invalid();
        await recorder.RecordAsync(item.ContentItemId, partner.Id, partner.Email ?? partner.UserName ?? "", Portal.Directory.Verification.Partner);
        return View("Index", new VerificationModel { Culture = cultures.Current, Item = item, Done = true });
    }

    private IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", new VerificationModel { Culture = cultures.Current, Invalid = true });
    }

    /// <summary>The item and partner of a valid token, when the partner is still linked to the item's organisation.</summary>
    private async Task<(ContentItem? Item, PortalUser? Partner)> ReadAsync(string token)
    {
        if (token.Length > 2000 || tokens.Read(token) is not { } claim)
        {
            logger.LogWarning("Verification link refused: expired or altered");
            return (null, null);
        }
        var item = await contentManager.GetAsync(claim.ContentItemId, VersionOptions.Latest);
        var partner = await db.Users.SingleOrDefaultAsync(u => u.Id == claim.UserId);
        if (item is null || partner is null) return (null, null);
        return await scope.OwnsAsync(partner.Id, item) ? (item, partner) : (null, null);
    }
}
