using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Directory.Services;

/// <summary>
/// Replaces what older versions stored as "verified by" (the login e-mail of the partner who clicked "still accurate",
/// or any free text) with a marker, in every version of every entry: an account linked to an organisation, or any
/// e-mail (only partners' checks ever wrote one), becomes <see cref="Verification.Partner"/>; anything else
/// <see cref="Verification.Editorial"/>.
/// </summary>
public static class VerifiedByMarkers
{
    /// <summary>The claim that links a partner account to its organisation (owned by the moderation module).</summary>
    private const string PartnerClaim = "PartnerActor";

    public static async Task<int> RewriteAsync(PortalDbContext db)
    {
        var rows = await db.ContentItems.Where(i => DirectoryTypes.All.Contains(i.ContentType) && i.Content.Contains(Verification.ByField)).ToListAsync();
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.Email, u.UserName }).ToListAsync();
        var partners = (await db.UserClaims.AsNoTracking().Where(c => c.ClaimType == PartnerClaim).Select(c => c.UserId).ToListAsync()).ToHashSet();
        var changed = 0;
        foreach (var row in rows)
        {
            if (row.Part(DirectoryTypes.EntryPart)?[Verification.ByField] is not { } field) continue;
            var value = field["Text"]?.ToString().Trim() ?? "";
            if (Verification.IsMarker(value)) continue;
            var user = users.FirstOrDefault(u => string.Equals(u.Email, value, StringComparison.OrdinalIgnoreCase) || string.Equals(u.UserName, value, StringComparison.OrdinalIgnoreCase));
            var marker = user is not null ? (partners.Contains(user.Id) ? Verification.Partner : Verification.Editorial)
                : value.Contains('@') ? Verification.Partner : Verification.Editorial;
            row.GetOrCreatePart(DirectoryTypes.EntryPart)[Verification.ByField] = new System.Text.Json.Nodes.JsonObject { ["Text"] = marker };
            row.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            changed++;
        }
        await db.SaveChangesAsync();
        return changed;
    }
}
