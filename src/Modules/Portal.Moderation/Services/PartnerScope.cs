using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Core.Data;
using Portal.Directory;

namespace Portal.Moderation.Services;

/// <summary>
/// What a partner account may see and change: the actors it is linked to (user claims "PartnerActor", set by an
/// administrator or the DemoAccounts recipe step), their translations, and the items of the partner types (actions,
/// supports, and whatever other modules contribute) whose actor field points at one of them.
/// </summary>
public sealed class PartnerScope(PortalDbContext db, PartnerTypes types)
{
    public const string ClaimType = "PartnerActor";

    /// <summary>Read from the database at every request, so that a link removed by an administrator counts at once.</summary>
    private Task<List<string>> LinkedActorIdsAsync(string userId) =>
        db.UserClaims.Where(c => c.UserId == userId && c.ClaimType == ClaimType).Select(c => c.ClaimValue!).ToListAsync();

    /// <summary>The localization sets of the partner's actors (an actor and its translation share one).</summary>
    public Task<HashSet<string>> ActorSetsAsync(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? ActorSetsAsync(userId) : Task.FromResult(new HashSet<string>());

    public async Task<HashSet<string>> ActorSetsAsync(string userId)
    {
        var ids = await LinkedActorIdsAsync(userId);
        if (ids.Count == 0) return [];
        var sets = await db.ContentItems.AsNoTracking().Where(i => ids.Contains(i.ContentItemId) && i.ContentType == DirectoryTypes.Actor)
            .Select(i => i.LocalizationSet ?? i.ContentItemId).Distinct().ToListAsync();
        return sets.ToHashSet();
    }

    /// <summary>The latest versions of every item the partner may work on: their actors and their offers.</summary>
    public async Task<List<ContentItem>> ItemsAsync(ClaimsPrincipal user)
    {
        var sets = await ActorSetsAsync(user);
        if (sets.Count == 0) return [];
        var actors = await db.ContentItems.AsNoTracking().Where(i => i.Latest && i.ContentType == DirectoryTypes.Actor && sets.Contains(i.LocalizationSet ?? i.ContentItemId)).ToListAsync();
        var actorIds = actors.Select(a => a.ContentItemId).ToHashSet();
        var names = types.All.Select(t => t.ContentType).ToList();
        var offers = await db.ContentItems.AsNoTracking().Where(i => i.Latest && names.Contains(i.ContentType)).ToListAsync();
        return [.. actors, .. offers.Where(o => ActorIdsOf(o).Any(actorIds.Contains))];
    }

    public Task<bool> OwnsAsync(ClaimsPrincipal user, ContentItem item) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? OwnsAsync(userId, item) : Task.FromResult(false);

    public async Task<bool> OwnsAsync(string userId, ContentItem item)
    {
        var sets = await ActorSetsAsync(userId);
        if (sets.Count == 0) return false;
        if (item.ContentType == DirectoryTypes.Actor) return sets.Contains(item.LocalizationSet ?? item.ContentItemId);
        if (types.Find(item.ContentType) is null) return false;
        var actorIds = ActorIdsOf(item);
        return await db.ContentItems.AnyAsync(a => actorIds.Contains(a.ContentItemId) && sets.Contains(a.LocalizationSet ?? a.ContentItemId));
    }

    /// <summary>The partner accounts linked to an item's actor: whom to remind and to tell the decisions.</summary>
    public async Task<List<PortalPartner>> PartnersOfAsync(ContentItem item)
    {
        var actorIds = item.ContentType == DirectoryTypes.Actor ? [item.ContentItemId] : ActorIdsOf(item);
        var sets = await db.ContentItems.AsNoTracking().Where(a => actorIds.Contains(a.ContentItemId)).Select(a => a.LocalizationSet ?? a.ContentItemId).ToListAsync();
        var allIds = await db.ContentItems.AsNoTracking().Where(a => a.ContentType == DirectoryTypes.Actor && sets.Contains(a.LocalizationSet ?? a.ContentItemId))
            .Select(a => a.ContentItemId).Distinct().ToListAsync();
        return await (from claim in db.UserClaims
                      join user in db.Users on claim.UserId equals user.Id
                      where claim.ClaimType == ClaimType && allIds.Contains(claim.ClaimValue!)
                      select new PortalPartner(user.Id, user.Email!, user.DisplayName, user.PreferredCulture)).Distinct().ToListAsync();
    }

    /// <summary>The actors an item of a partner type belongs to, read from the field its type names (none for other types).</summary>
    private List<string> ActorIdsOf(ContentItem item) =>
        types.Find(item.ContentType) is { } type ? ContentPickerFieldType.Ids(item.Field(item.ContentType, type.ActorField)).ToList() : [];
}

public sealed record PortalPartner(string Id, string Email, string? Name, string? Culture);
