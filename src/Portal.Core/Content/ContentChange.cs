namespace Portal.Core.Content;

/// <summary>
/// A journal of what changed in the published content, one row per publish, unpublish or delete, and of what changed
/// in the data every page reads (a settings document, a content definition), written in the change's own transaction. Derived data (each web node's search index, caches) follows it with a cursor of its own,
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
    /// <summary>A document of the document store (site or module settings, workflows…) was saved: ContentType names its key, ContentItemId is empty.</summary>
    public const string Settings = "Settings";
    /// <summary>A content definition was saved or deleted: ContentType names the type or part, ContentItemId is empty.</summary>
    public const string Definitions = "Definitions";

    /// <summary>Whether the change is one of a content item (published, unpublished, removed), not of settings or definitions.</summary>
    public static bool IsContent(string kind) => kind is Published or Unpublished or Removed;
}

public static class ContentJournal
{
    /// <summary>The longest name a journal row holds (its ContentType column).</summary>
    public const int NameLength = 64;

    /// <summary>A journal row for a change that is no content item's: a settings document or a content definition named <paramref name="name"/>.</summary>
    public static ContentChange Of(string kind, string name, TimeProvider clock) => new()
    {
        ContentItemId = "",
        ContentType = name.Length > NameLength ? name[..NameLength] : name,
        Kind = kind,
        CreatedUtc = clock.GetUtcNow().UtcDateTime,
    };
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
