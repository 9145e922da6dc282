using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Network.Data;
using Portal.Network.Models;

namespace Portal.Network.Services;

/// <summary>The signed-in member, their profile and its deletion.</summary>
public sealed class Members(NetworkDbContext network, PortalDbContext db, UserManager<PortalUser> users, Organisations organisations)
{
    /// <summary>The approved member behind this sign-in, or null (anonymous, pending, rejected, or any other account).</summary>
    public async Task<Professional?> CurrentAsync(ClaimsPrincipal user)
    {
        var id = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        return id is null ? null : await network.Professionals.FirstOrDefaultAsync(p => p.UserId == id && p.Status == ProfessionalStatus.Approved);
    }

    public async Task<bool> IsMemberAsync(ClaimsPrincipal user) => await CurrentAsync(user) is not null;

    public async Task UpdateAsync(Professional member, ApplicationForm form, string culture)
    {
        var organisation = await organisations.FindAsync(form.Organisation!, culture);
        member.Name = form.Name!.Trim();
        member.OrganisationId = organisation?.Set;
        member.OrganisationName = organisation?.Title ?? form.Organisation!.Trim();
        member.JobTitle = form.JobTitle!.Trim();
        member.Side = form.Side!;
        member.Languages = string.Join(',', form.Languages);
        member.Expertise = string.Join(',', form.Expertise);
        member.PublicFields = string.Join(',', form.PublicFields);
        await network.SaveChangesAsync();
    }

    /// <summary>
    /// Deletes the member: their profile and the record of their messages; the account too when it exists only for the
    /// network (a partner's or an editor's account stays theirs). What they did on the site stays, without their name.
    /// </summary>
    public async Task DeleteAsync(Professional member)
    {
        await using var transaction = await network.BeginSharedTransactionAsync();
        await network.Contacts.Where(c => c.SenderId == member.Id || c.RecipientId == member.Id).ExecuteDeleteAsync();
        var userId = member.UserId;
        network.Professionals.Remove(member);
        await network.SaveChangesAsync();
        if (userId is not null && await users.FindByIdAsync(userId) is { } account)
        {
            var otherUse = (await users.GetRolesAsync(account)).Count > 0 || (await users.GetClaimsAsync(account)).Count > 0;
            if (!otherUse)
            {
                await db.AuditEntries.Where(a => a.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, (string?)null).SetProperty(a => a.UserName, ""));
                await users.DeleteAsync(account);
            }
        }
        await transaction.CommitAsync();
    }
}
