using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Directory;

namespace Portal.Moderation.Services;

/// <summary>
/// A publication by a person is a verification: an approved partner change or an editor's publish sets the entry's
/// last-verified date to today, "by the organisation" when the version was submitted by one of its partners, "by the
/// editorial team" otherwise. A date the publisher set on purpose (an import column, an editor's correction) is kept,
/// and recipes and background work (no person) change nothing.
/// </summary>
public sealed class PublicationVerification(PortalDbContext db, PartnerScope partners, ICurrentUser user, TimeProvider clock, ContentWriteBatch batch) : IContentHandler
{
    // Before the audit trail, so that its list of changed fields includes the new date.
    public int Order => 100;

    public async Task PublishedAsync(ContentContext context)
    {
        var item = context.Item;
        if (!DirectoryTypes.IsDirectoryType(item.ContentType) || user.Id is null) return;
        var previous = batch.TryGetPrevious(item, out var known) ? known : await db.ContentItems.AsNoTracking()
            .Where(i => i.ContentItemId == item.ContentItemId && i.Number < item.Number).OrderByDescending(i => i.Number).Select(i => i.Content).FirstOrDefaultAsync();
        var before = previous is null ? null : new ContentItem { Content = previous };
        if (Verification.Date(item) is { } date && date != (before is null ? null : Verification.Date(before))) return;
        Verification.Stamp(item, clock.GetUtcNow().UtcDateTime, await SubmittedByPartnerAsync(item) ? Verification.Partner : Verification.Editorial);
    }

    /// <summary>Whether the last submission of this version came from an account linked to the entry's organisation.</summary>
    private async Task<bool> SubmittedByPartnerAsync(ContentItem item)
    {
        // A version made in this unit of work has no submission stored yet.
        if (db.Entry(item).State == EntityState.Added) return false;
        var submitter = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ContentItemVersionId == item.ContentItemVersionId && a.Action == "submit").OrderByDescending(a => a.Id).Select(a => a.UserId).FirstOrDefaultAsync();
        return submitter is not null && await partners.OwnsAsync(submitter, item);
    }
}
