using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Data;

namespace Portal.Moderation.Services;

/// <summary>
/// Four eyes: a transition that needs another person (approve, in the base recipe) is withheld from whoever wrote the
/// version (its author, or anyone who created, saved, restored or submitted it, by the audit trail), unless the
/// administrator allowed self-approval in that workflow.
/// </summary>
public sealed class FourEyes(PortalDbContext db)
{
    private static readonly string[] Authoring = [AuditActions.Created, AuditActions.Saved, AuditActions.Restored, "submit"];

    public async Task<bool> WithholdsAsync(ClaimsPrincipal user, ContentItem latest, WorkflowDefinition workflow, WorkflowTransition transition)
    {
        if (!transition.RequiresOtherPerson || workflow.AllowSelfApproval) return false;
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.ContentItemVersionId == latest.ContentItemVersionId && Authoring.Contains(a.Action)).ToListAsync();
        return WroteVersion(user, latest, entries);
    }

    /// <summary>Whether the person is the version's author or created, saved, restored or submitted it (<paramref name="audit"/> may hold other rows).</summary>
    public static bool WroteVersion(ClaimsPrincipal user, ContentItem latest, IEnumerable<AuditEntry> audit)
    {
        if (user.Identity?.Name is { } name && string.Equals(latest.Author, name, StringComparison.OrdinalIgnoreCase)) return true;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is not null && audit.Any(a => a.ContentItemVersionId == latest.ContentItemVersionId && a.UserId == userId && Authoring.Contains(a.Action));
    }
}
