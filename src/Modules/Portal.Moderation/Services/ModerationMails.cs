using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Mail;
using Portal.Core.Security;
using Portal.Core.Settings;

namespace Portal.Moderation.Services;

/// <summary>
/// The workflow's messages, each in its recipient's language: a new submission to the moderators; a decision to the
/// partners of the item's organisation and to the visitor who proposed it, when they left an address. What goes to a
/// visitor quotes nothing they wrote (their reference, the site's name and a fixed text), so that the form cannot send
/// someone else's words to any address.
/// </summary>
public sealed class ModerationMails(Portal.Core.Localization.Cultures cultures, PortalDbContext db, IMailQueue queue, PartnerScope partners, PublicUrl site, IDocumentStore documents, IStringLocalizer<ModerationMails> T)
{
    public const string ModeratorRole = "Moderator";

    public async Task TransitionAsync(ContentItem item, WorkflowTransition transition, string from, string? comment)
    {
        if (transition.To == WorkflowStates.InReview)
        {
            foreach (var (email, culture) in await ModeratorsAsync())
                queue.Enqueue(cultures.In(culture, () => new OutgoingMail(email,
                    T["To review: {0}", item.DisplayText],
                    T["A change waits for your review: {0}.\n\nOpen it, compare it with the published version and decide: {1}\n\nThe review queue: {2}", item.DisplayText, $"{site.Base}/admin/review/{item.ContentItemId}", $"{site.Base}/admin/review"],
                    culture)));
            return;
        }
        if (from != WorkflowStates.InReview || transition.To is not (WorkflowStates.ChangesRequested or WorkflowStates.Published or WorkflowStates.Rejected)) return;
        var recipients = (await partners.PartnersOfAsync(item)).Select(p => (p.Email, p.Culture ?? "fr")).ToList();
        var proposer = await ProposerAsync(item.ContentItemId);
        foreach (var (email, culture) in recipients.DistinctBy(r => r.Item1.ToLowerInvariant()))
        {
            var space = $"{site.Base}/{culture}/{PartnerRoutes.Segment(culture)}";
            queue.Enqueue(cultures.In(culture, () => transition.To switch
            {
                WorkflowStates.ChangesRequested => new OutgoingMail(email, T["Changes requested: {0}", item.DisplayText],
                    T["The moderators ask for changes to {0} before publishing it:\n\n{1}\n\n{2}", item.DisplayText, comment ?? "", T["Make them in your partner space: {0}", space].Value], culture),
                WorkflowStates.Published => new OutgoingMail(email, T["Published: {0}", item.DisplayText],
                    T["{0} is now published: {1}\n\nThank you for keeping the directory up to date.", item.DisplayText, $"{site.Base}/{culture}/{item.Path}"], culture),
                _ => new OutgoingMail(email, T["Not published: {0}", item.DisplayText],
                    T["{0} will not be published, for this reason:\n\n{1}\n\nIt is kept with this reason in the directory's history.", item.DisplayText, comment ?? ""], culture),
            }));
        }
        if (proposer is { } visitor && !recipients.Any(r => string.Equals(r.Item1, visitor.Email, StringComparison.OrdinalIgnoreCase)))
            await ProposalOutcomeAsync(item, transition.To, comment, visitor.Email, visitor.Culture);
    }

    /// <summary>The outcome to the visitor who proposed the item: their reference, the site's name, a fixed text and the moderators' reason.</summary>
    private async Task ProposalOutcomeAsync(ContentItem item, string state, string? comment, string email, string culture)
    {
        var reference = ProposalReference(item.ContentItemId);
        var siteName = (await documents.GetAsync<SiteSettings>(DocumentKeys.SiteSettings)).SiteNameFor(culture, cultures);
        queue.Enqueue(cultures.In(culture, () => state switch
        {
            WorkflowStates.ChangesRequested => new OutgoingMail(email, T["Your proposal {0}: changes requested", reference],
                T["The moderators of {0} ask for changes to your proposal {1} before publishing it:\n\n{2}\n\nReply to this message with the corrections.", siteName, reference, comment ?? ""], culture),
            WorkflowStates.Published => new OutgoingMail(email, T["Your proposal {0} is published", reference],
                T["Your proposal {0} is now published on {1}. Thank you for helping to keep the directory up to date.", reference, siteName], culture),
            _ => new OutgoingMail(email, T["Your proposal {0} will not be published", reference],
                T["Your proposal {0} will not be published on {1}, for this reason:\n\n{2}\n\nIt is kept with this reason in the directory's history.", reference, siteName, comment ?? ""], culture),
        }));
    }

    /// <summary>A reference a person can read out on the phone: P- and the first ten characters of the item's id.</summary>
    public static string ProposalReference(string contentItemId) => "P-" + contentItemId[..Math.Min(10, contentItemId.Length)].ToUpperInvariant();

    public async Task WithdrawalRequestedAsync(ContentItem item, string who, string? reason)
    {
        foreach (var (email, culture) in await ModeratorsAsync())
            queue.Enqueue(cultures.In(culture, () => new OutgoingMail(email, T["Withdrawal requested: {0}", item.DisplayText],
                T["{0} asks to withdraw {1}: {2}\n\nArchive it from the review queue: {3}", who, item.DisplayText, reason ?? "", $"{site.Base}/admin/review/{item.ContentItemId}"], culture)));
    }

    public async Task ProposalReceivedAsync(ContentItem item, string reference, string? email, string culture)
    {
        foreach (var (to, c) in await ModeratorsAsync())
            queue.Enqueue(cultures.In(c, () => new OutgoingMail(to, T["New proposal: {0}", item.DisplayText],
                T["A visitor proposed {0} (reference {1}). Review it: {2}", item.DisplayText, reference, $"{site.Base}/admin/review/{item.ContentItemId}"], c)));
        if (string.IsNullOrEmpty(email)) return;
        var siteName = (await documents.GetAsync<SiteSettings>(DocumentKeys.SiteSettings)).SiteNameFor(culture, cultures);
        queue.Enqueue(cultures.In(culture, () => new OutgoingMail(email, T["Your proposal {0} was received", reference],
            T["Thank you for your proposal to {0}. Its reference is {1}. The department's team checks it before publishing it; you will receive the outcome at this address.", siteName, reference], culture)));
    }

    /// <summary>The moderators (or, when there is none, the administrators), with their language.</summary>
    public async Task<List<(string Email, string Culture)>> ModeratorsAsync()
    {
        async Task<List<(string, string)>> InRole(string role) => (await (
            from r in db.Roles
            join ur in db.UserRoles on r.Id equals ur.RoleId
            join u in db.Users on ur.UserId equals u.Id
            where r.Name == role && u.Email != null
            select new { u.Email, u.PreferredCulture }).Distinct().ToListAsync()).Select(x => (x.Email!, x.PreferredCulture ?? "fr")).ToList();
        var moderators = await InRole(ModeratorRole);
        return moderators.Count > 0 ? moderators : await InRole(Roles.Administrator);
    }

    private async Task<(string Email, string Culture)?> ProposerAsync(string contentItemId)
    {
        var proposal = await db.AuditEntries.AsNoTracking().Where(a => a.ContentItemId == contentItemId && a.Action == ModerationAudit.Proposed && a.Contact != null)
            .OrderBy(a => a.Id).FirstOrDefaultAsync();
        return proposal is null ? null : (proposal.Contact!, proposal.Culture ?? "fr");
    }
}

public static class PartnerRoutes
{
    public static string Segment(string culture) => ModerationRoutes.Table.Segment(ModerationRoutes.PartnerSpace, culture);
}
