namespace Portal.Core.Content;

/// <summary>
/// A journal of what changed in the published content, one row per publish, unpublish or delete, written in the
/// change's own transaction. Derived data (each web node's search index, caches) follows it with a cursor of its own,
/// so every node sees every change once, in order, whichever node made it.
/// </summary>
public sealed class ContentChange
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string Kind { get; set; } = ContentChangeKind.Published;
    public DateTime CreatedUtc { get; set; }
}

public static class ContentChangeKind
{
    public const string Published = "Published";
    public const string Unpublished = "Unpublished";
    public const string Removed = "Removed";
}

/// <summary>Writes the journal from the content events, inside the write's unit of work.</summary>
public sealed class ContentChangeRecorder(Data.PortalDbContext db, TimeProvider clock) : IContentHandler
{
    public int Order => int.MaxValue;

    public Task PublishedAsync(ContentContext context) => Record(context, ContentChangeKind.Published);
    public Task UnpublishedAsync(ContentContext context) => Record(context, ContentChangeKind.Unpublished);
    public Task RemovedAsync(ContentContext context) => Record(context, ContentChangeKind.Removed);

    private Task Record(ContentContext context, string kind)
    {
        db.ContentChanges.Add(new ContentChange
        {
            ContentItemId = context.Item.ContentItemId,
            ContentType = context.Item.ContentType,
            Kind = kind,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        return Task.CompletedTask;
    }
}
