using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Content;

public sealed partial class ContentManager
{
    public async Task<ContentResult> TransitionAsync(ContentItem latest, ContentTransition transition, AuditNote? note = null)
    {
        var type = await definitions.GetTypeAsync(latest.ContentType) ?? new ContentTypeDefinition { Name = latest.ContentType };
        ContentValidationResult? validation = null;
        if (transition.Publishes)
        {
            if (!latest.Published)
            {
                validation = await ValidateAsync(latest, publishing: true);
                if (!validation.Succeeded) return ContentResult.Invalid(validation);
                await MarkPublishedAsync(latest, type, await CurrentPublishedAsync(latest.ContentItemId, latest));
                await PropagateCultureNeutralAsync(latest, type, validation);
            }
        }
        else
        {
            if (transition.Unpublishes && latest.Published)
            {
                latest.Published = false;
                foreach (var handler in _handlers) await handler.UnpublishedAsync(new ContentContext(latest, type));
            }
            // The version stays in the table whatever happens to it: a rejected proposal keeps its text and its reason.
            latest.Status = transition.To;
            latest.ModifiedUtc = Now;
        }
        latest.ConcurrencyStamp = NewStamp();
        audit.Complete(latest, transition.Name, transition.From, transition.To, note);
        foreach (var handler in _handlers) await handler.TransitionedAsync(new ContentTransitionContext(latest, type, transition, note));
        return await SaveAsync(latest, validation);
    }

    public async Task<ContentResult> ChangeMetadataAsync(string contentItemId, string action, Action<ContentItem> change, string? changedFields = null, AuditNote? note = null)
    {
        var rows = await db.ContentItems.Where(i => i.ContentItemId == contentItemId && (i.Latest || i.Published)).ToListAsync();
        var latest = rows.FirstOrDefault(r => r.Latest);
        if (latest is null) return ContentResult.NotFound(T["The item {0} does not exist.", contentItemId]);
        foreach (var row in rows)
        {
            change(row);
            row.ConcurrencyStamp = NewStamp();
        }
        var state = latest.Published ? ContentStatus.Published : latest.Status;
        audit.Complete(latest, action, from: null, to: state, note).ChangedFields = changedFields;
        // Search and map show what changed: the journal tells every node, as for a publish.
        if (rows.Any(r => r.Published))
            db.ContentChanges.Add(new ContentChange { ContentItemId = contentItemId, ContentType = latest.ContentType, Kind = ContentChangeKind.Published, CreatedUtc = Now });
        return await SaveAsync(latest);
    }
}
