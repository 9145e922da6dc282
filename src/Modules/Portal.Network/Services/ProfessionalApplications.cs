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
using Portal.Network.Models;

namespace Portal.Network.Services;

/// <summary>
/// Applications for a professional account: recorded as pending; a moderator approves one (the account is created and
/// the applicant gets a link to choose a password) or rejects it with a reason; the applicant is told by mail through the outbox.
/// </summary>
public sealed class ProfessionalApplications(NetworkDbContext network, PortalDbContext db, UserManager<PortalUser> users, Organisations organisations,
    IMailQueue mails, PublicUrl site, Cultures cultures, TimeProvider clock, IStringLocalizer<ProfessionalApplications> T)
{
    public enum Outcome { Approved, Rejected, NotPending, ReasonMissing, Failed }

    public async Task<Professional> SubmitAsync(ApplicationForm form, string culture, string? invitedBy = null)
    {
        var organisation = await organisations.FindAsync(form.Organisation!, culture);
        var professional = new Professional
        {
            Id = IdGenerator.New(), Status = ProfessionalStatus.Pending, Name = form.Name!.Trim(), Email = form.Email!.Trim(),
            OrganisationId = organisation?.Set, OrganisationName = organisation?.Title ?? form.Organisation!.Trim(), JobTitle = form.JobTitle!.Trim(),
            Side = form.Side!, Languages = string.Join(',', form.Languages), Expertise = string.Join(',', form.Expertise),
            PublicFields = string.Join(',', form.PublicFields), Culture = culture, CreatedUtc = clock.GetUtcNow().UtcDateTime, InvitedBy = invitedBy,
        };
        network.Professionals.Add(professional);
        await network.SaveChangesAsync();
        return professional;
    }

    public Task<List<Professional>> ListAsync(string status) =>
        network.Professionals.AsNoTracking().Where(p => p.Status == status).OrderBy(p => p.CreatedUtc).Take(500).ToListAsync();

    public Task<int> PendingCountAsync() => network.Professionals.CountAsync(p => p.Status == ProfessionalStatus.Pending);

    /// <summary>Approves: the account (or the applicant's existing one) becomes a member's, and the applicant is mailed how to sign in; one unit of work.</summary>
    public async Task<Outcome> ApproveAsync(string id, ClaimsPrincipal moderator)
    {
        var professional = await network.Professionals.SingleOrDefaultAsync(p => p.Id == id);
        if (professional is null || professional.Status != ProfessionalStatus.Pending) return Outcome.NotPending;
        await using var transaction = await network.BeginSharedTransactionAsync();
        var account = await users.FindByEmailAsync(professional.Email);
        var home = NetworkRoutes.PathOf(professional.Culture);
        string body;
        if (account is null)
        {
            account = new PortalUser { UserName = professional.Email, Email = professional.Email, DisplayName = professional.Name,
                PreferredCulture = professional.Culture, CreatedUtc = clock.GetUtcNow().UtcDateTime };
            if (!(await users.CreateAsync(account)).Succeeded) return Outcome.Failed;
            var token = await users.GeneratePasswordResetTokenAsync(account);
            var link = $"{site.Base}/admin/invitation?user={Uri.EscapeDataString(account.Id)}&token={Uri.EscapeDataString(token)}&returnUrl={Uri.EscapeDataString(home)}";
            body = cultures.In(professional.Culture, () => T["Hello {0},\n\nYour application to the professionals' network was approved.\n\nChoose your password with this link, valid for seven days: {1}\n\nThen the network is at {2}", professional.Name, link, site.For(home)].Value);
        }
        else
        {
            body = cultures.In(professional.Culture, () => T["Hello {0},\n\nYour application to the professionals' network was approved. Sign in with your usual account; the network is at {1}", professional.Name, site.For(home)].Value);
        }
        if (await network.Professionals.AnyAsync(p => p.UserId == account.Id && p.Status == ProfessionalStatus.Approved)) return Outcome.NotPending;
        professional.UserId = account.Id;
        Decide(professional, ProfessionalStatus.Approved, moderator, null);
        mails.Enqueue(cultures.In(professional.Culture, () => new OutgoingMail(professional.Email, T["Your professional account"], body, professional.Culture, professional.Name)));
        await network.SaveChangesAsync();
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return Outcome.Approved;
    }

    /// <summary>Rejects with a reason, sent to the applicant; their data is kept for the retention period, then deleted.</summary>
    public async Task<Outcome> RejectAsync(string id, string? reason, ClaimsPrincipal moderator)
    {
        if (string.IsNullOrWhiteSpace(reason)) return Outcome.ReasonMissing;
        var professional = await network.Professionals.SingleOrDefaultAsync(p => p.Id == id);
        if (professional is null || professional.Status != ProfessionalStatus.Pending) return Outcome.NotPending;
        await using var transaction = await network.BeginSharedTransactionAsync();
        Decide(professional, ProfessionalStatus.Rejected, moderator, reason.Trim());
        mails.Enqueue(cultures.In(professional.Culture, () => new OutgoingMail(professional.Email, T["Your application to the professionals' network"],
            T["Hello {0},\n\nYour application to the professionals' network was not accepted, for this reason:\n\n{1}", professional.Name, professional.Reason!],
            professional.Culture, professional.Name)));
        await network.SaveChangesAsync();
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return Outcome.Rejected;
    }

    private void Decide(Professional professional, string status, ClaimsPrincipal moderator, string? reason)
    {
        professional.Status = status;
        professional.Reason = reason;
        professional.DecidedUtc = clock.GetUtcNow().UtcDateTime;
        professional.DecidedBy = moderator.FindFirstValue(ClaimTypes.Email) ?? moderator.Identity?.Name;
    }
}
