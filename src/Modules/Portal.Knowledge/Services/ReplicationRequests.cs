using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Content.Parts;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Localization;
using Portal.Core.Mail;
using Portal.Knowledge.Data;
using Portal.Knowledge.Models;

namespace Portal.Knowledge.Services;

/// <summary>
/// Requests to replicate a good practice: recorded as pending; a moderator forwards one to the holder's contact address
/// (the requester's address as reply-to only) or declines it. The requester never learns the holder's address.
/// </summary>
public sealed class ReplicationRequests(KnowledgeDbContext knowledge, PortalDbContext db, IMailQueue mails, PublicUrl site, Cultures cultures,
    TimeProvider clock, IStringLocalizer<ReplicationRequests> T)
{
    public enum Outcome { Forwarded, Declined, NotPending, NoHolderAddress, ProjectGone }

    public async Task<ReplicationRequest> SubmitAsync(GoodPracticeDetails project, ReplicationForm form, string culture)
    {
        var request = new ReplicationRequest
        {
            Id = IdGenerator.New(), ContentItemId = project.Item.ContentItemId, ProjectTitle = project.Title, Culture = culture,
            Name = form.Name!.Trim(), Organisation = form.Organisation!.Trim(), Email = form.Email!.Trim(), Message = form.Message!.Trim(),
            Status = ReplicationStatus.Pending, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        knowledge.ReplicationRequests.Add(request);
        await knowledge.SaveChangesAsync();
        return request;
    }

    public Task<List<ReplicationRequest>> ListAsync(string status) =>
        knowledge.ReplicationRequests.AsNoTracking().Where(r => r.Status == status).OrderBy(r => r.CreatedUtc).Take(500).ToListAsync();

    public Task<int> PendingCountAsync() => knowledge.ReplicationRequests.CountAsync(r => r.Status == ReplicationStatus.Pending);

    /// <summary>Forwards the request to the holder's contact address, in the holder's language, and tells the requester; one unit of work.</summary>
    public async Task<Outcome> ForwardAsync(string id, ClaimsPrincipal moderator)
    {
        var request = await knowledge.ReplicationRequests.SingleOrDefaultAsync(r => r.Id == id);
        if (request is null || request.Status != ReplicationStatus.Pending) return Outcome.NotPending;
        var project = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == request.ContentItemId && i.Published);
        if (project is null) return Outcome.ProjectGone;
        var holderId = new GoodPracticeDetails(project).HolderId;
        var holder = holderId is null ? null : await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == holderId && i.Published);
        var address = holder?.Field(BuiltInParts.Contact, "Email")?["Email"]?.GetValue<string>();
        if (holder is null || string.IsNullOrWhiteSpace(address)) return Outcome.NoHolderAddress;

        var holderCulture = cultures.OrDefault(holder.Culture);
        var pageUrl = site.For("/" + request.Culture + "/" + project.Path);
        await using var transaction = await knowledge.BeginSharedTransactionAsync();
        mails.Enqueue(cultures.In(holderCulture, () => new OutgoingMail(address.Trim(),
            T["Someone would like to replicate your project \"{0}\"", request.ProjectTitle],
            T["Hello,\n\n{0} ({1}) read about your project \"{2}\" on {3} and would like to replicate it. Their message:\n\n{4}\n\nAnswer this message to write to them directly: your answer goes to their address. A moderator of the site checked the request before passing it on.", request.Name, request.Organisation, request.ProjectTitle, pageUrl, request.Message],
            holderCulture, holder.DisplayText, ReplyTo: request.Email, ReplyToName: request.Name)));
        mails.Enqueue(cultures.In(request.Culture, () => new OutgoingMail(request.Email,
            T["Your request about \"{0}\" was passed on", request.ProjectTitle],
            T["Hello {0},\n\nYour request to replicate \"{1}\" was passed on to the project holder, who will answer you directly by e-mail.\n\n{2}", request.Name, request.ProjectTitle, pageUrl],
            request.Culture, request.Name)));
        Decide(request, ReplicationStatus.Forwarded, moderator);
        await knowledge.SaveChangesAsync();
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return Outcome.Forwarded;
    }

    /// <summary>Declines the request: nothing is sent to the holder.</summary>
    public async Task<Outcome> DeclineAsync(string id, ClaimsPrincipal moderator)
    {
        var request = await knowledge.ReplicationRequests.SingleOrDefaultAsync(r => r.Id == id);
        if (request is null || request.Status != ReplicationStatus.Pending) return Outcome.NotPending;
        Decide(request, ReplicationStatus.Declined, moderator);
        await knowledge.SaveChangesAsync();
        return Outcome.Declined;
    }

    private void Decide(ReplicationRequest request, string status, ClaimsPrincipal moderator)
    {
        request.Status = status;
        request.DecidedUtc = clock.GetUtcNow().UtcDateTime;
        request.DecidedBy = moderator.FindFirstValue(ClaimTypes.Email) ?? moderator.Identity?.Name;
    }
}
