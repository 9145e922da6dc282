namespace Portal.Core.Content;

/// <summary>
/// A bulk writer's switch (the spreadsheet import): while <see cref="Deferred"/> is on, the content manager adds each
/// write to the unit of work without saving it, and the writer saves a batch of them at once. Everything else is the
/// same: validation, handlers, journal and audit rows; checks that read the database (a path already taken) also look
/// at the writes not saved yet.
/// </summary>
public sealed class ContentWriteBatch
{
    public bool Deferred { get; set; }

    /// <summary>The items written since the last save of the batch (the writer clears it when it saves).</summary>
    public List<ContentItem> Pending { get; } = [];
}
