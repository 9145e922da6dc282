namespace Portal.Core.Content;

/// <summary>
/// The audit trail: one row per save, transition, verification or reminder of an item, with who, when, why, and the
/// fields that changed. Written in the change's own unit of work; never deleted by the workflow.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string? ContentItemVersionId { get; set; }
    public string ContentType { get; set; } = "";
    /// <summary>What happened: Created, Saved, Published, Unpublished, Removed, a workflow transition's name, Verified, Reminded…</summary>
    public string Action { get; set; } = "";
    public string? FromState { get; set; }
    public string? ToState { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    /// <summary>Why: the comment of a transition (required to request changes or to reject).</summary>
    public string? Comment { get; set; }
    /// <summary>The keys ("Part.Field") of the fields this version changed, comma-separated.</summary>
    public string? ChangedFields { get; set; }
    /// <summary>Whom to tell the outcome when it is not an account: the e-mail a visitor left with a proposal.</summary>
    public string? Contact { get; set; }
    /// <summary>The language of that person (fr or de), for the message.</summary>
    public string? Culture { get; set; }
    public DateTime CreatedUtc { get; set; }
}

public static class AuditActions
{
    public const string Created = "Created";
    public const string Saved = "Saved";
    public const string Published = "Published";
    public const string Unpublished = "Unpublished";
    public const string Removed = "Removed";
    public const string Restored = "Restored";
}

/// <summary>Which fields differ between two versions' data: "Part.Field" keys, in the order of the newer one.</summary>
public static class ContentDiff
{
    public static List<string> ChangedFields(System.Text.Json.Nodes.JsonObject? before, System.Text.Json.Nodes.JsonObject after)
    {
        var changed = new List<string>();
        var parts = after.Select(p => p.Key).Concat(before?.Select(p => p.Key) ?? []).Distinct();
        foreach (var part in parts)
        {
            var a = before?[part] as System.Text.Json.Nodes.JsonObject;
            var b = after[part] as System.Text.Json.Nodes.JsonObject;
            var fields = (b?.Select(f => f.Key) ?? []).Concat(a?.Select(f => f.Key) ?? []).Distinct();
            foreach (var field in fields)
                if (!System.Text.Json.Nodes.JsonNode.DeepEquals(a?[field], b?[field])) changed.Add($"{part}.{field}");
        }
        return changed;
    }
}

/// <summary>Writes an audit row for every save, publish, unpublish and delete, with the fields that changed since the version before.</summary>
public sealed class AuditTrailRecorder(Data.PortalDbContext db, AuditTrail trail, ContentWriteBatch batch) : IContentHandler
{
    public int Order => int.MaxValue - 1;

    public Task CreatedAsync(ContentContext context) => RecordAsync(context, AuditActions.Created, diff: true);
    public Task DraftSavedAsync(ContentContext context) =>
        context.Item.Number == 1 && db.Entry(context.Item).State == Microsoft.EntityFrameworkCore.EntityState.Added ? Task.CompletedTask : RecordAsync(context, AuditActions.Saved, diff: true);
    public Task PublishedAsync(ContentContext context) => RecordAsync(context, AuditActions.Published, diff: true);
    public Task UnpublishedAsync(ContentContext context) => RecordAsync(context, AuditActions.Unpublished, diff: false);
    public Task RemovedAsync(ContentContext context) => RecordAsync(context, AuditActions.Removed, diff: false);

    private async Task RecordAsync(ContentContext context, string action, bool diff)
    {
        var item = context.Item;
        if (item.ContentType == "Vocabulary" && action != AuditActions.Published) return;
        string? changed = null;
        if (diff)
        {
            // The version before this one: the previous number, or nothing for a new item (known without a query when it can be).
            var previous = batch.TryGetPrevious(item, out var known) ? known : await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
                db.ContentItems.AsNoTrackingQuery().Where(i => i.ContentItemId == item.ContentItemId && i.Number < item.Number).OrderByDescending(i => i.Number)
                    .Select(i => i.Content));
            var before = previous is null ? null : System.Text.Json.Nodes.JsonNode.Parse(previous) as System.Text.Json.Nodes.JsonObject;
            var fields = ContentDiff.ChangedFields(before, item.Data);
            changed = fields.Count == 0 ? null : string.Join(",", fields);
            if (changed?.Length > 4000) changed = changed[..4000];
        }
        trail.Record(item, action, changed);
    }
}

internal static class QueryableExtensions
{
    public static IQueryable<ContentItem> AsNoTrackingQuery(this Microsoft.EntityFrameworkCore.DbSet<ContentItem> set) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(set);
}
