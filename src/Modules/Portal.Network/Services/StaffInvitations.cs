using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Localization;
using Portal.Core.Mail;
using Portal.Core.Security;
using Portal.Network.Data;

namespace Portal.Network.Services;

/// <summary>
/// A partner vouches for its own staff: the invited person is a member of the network at once (no moderator), with an
/// account whose password they choose through a link valid seven days (Identity's invitation tokens), then completes their profile.
/// </summary>
public sealed class StaffInvitations(NetworkDbContext network, PortalDbContext db, UserManager<PortalUser> users, IMailQueue mails, PublicUrl site,
    Cultures cultures, TimeProvider clock, IStringLocalizer<StaffInvitations> T)
{
    public async Task<bool> InviteAsync(string name, string email, Organisations.Organisation organisation, string culture, ClaimsPrincipal partner)
    {
        var existing = await users.FindByEmailAsync(email);
        if (await network.Professionals.AnyAsync(p => p.Email == email && p.Status != ProfessionalStatus.Rejected)
            || (existing is not null && await network.Professionals.AnyAsync(p => p.UserId == existing.Id))) return false;
        await using var transaction = await network.BeginSharedTransactionAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var account = existing ?? new PortalUser { UserName = email, Email = email, DisplayName = name, PreferredCulture = culture, CreatedUtc = now };
        if (existing is null && !(await users.CreateAsync(account)).Succeeded) return false;
        var profile = NetworkRoutes.PathOf(NetworkRoutes.Profile, culture);
        var link = existing is null
            ? $"{site.Base}/admin/invitation?user={Uri.EscapeDataString(account.Id)}&token={Uri.EscapeDataString(await users.GeneratePasswordResetTokenAsync(account))}&returnUrl={Uri.EscapeDataString(profile)}"
            : site.For(profile);
        var inviter = partner.FindFirstValue(ClaimTypes.Email) ?? partner.Identity?.Name;
        network.Professionals.Add(new Professional
        {
            Id = IdGenerator.New(), UserId = account.Id, Status = ProfessionalStatus.Approved, Name = name, Email = email,
            OrganisationId = organisation.Set, OrganisationName = organisation.Title, Culture = culture, CreatedUtc = now, DecidedUtc = now,
            DecidedBy = inviter, InvitedBy = partner.FindFirstValue(ClaimTypes.NameIdentifier),
        });
        mails.Enqueue(cultures.In(culture, () => new OutgoingMail(email, T["You are invited to the professionals' network"],
            T["Hello {0},\n\n{1} invited you to the professionals' network of the directory, as a member of {2}.\n\nOpen this link, valid for seven days, to choose your password and complete your profile: {3}\n\nIf you did not expect this message, ignore it.", name, inviter ?? "", organisation.Title, link],
            culture, name)));
        await network.SaveChangesAsync();
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return true;
    }
}
