namespace Portal.Core.Content;

/// <summary>Who did a change and why, when it is not simply the signed-in person (a visitor, a link from a reminder).</summary>
public sealed record AuditNote(string? Comment = null, string? UserId = null, string? UserName = null, string? Contact = null, string? Culture = null, string? Action = null);

/// <summary>
/// The one writer of the audit trail: one row per change of an item in a unit of work. A workflow transition or a
/// note taken in the same unit of work as a save completes that save's row instead of adding a second one.
/// </summary>
public sealed class AuditTrail(Data.PortalDbContext db, ICurrentUser user, TimeProvider clock)
{
    private readonly Dictionary<string, AuditEntry> _recorded = [];

    /// <summary>A row of its own (a save, a publish made by the content manager's verbs).</summary>
    public AuditEntry Record(ContentItem item, string action, string? changedFields = null)
    {
        var entry = New(item, action);
        entry.ChangedFields = changedFields;
        _recorded[item.ContentItemId] = entry;
        return entry;
    }

    /// <summary>
    /// What a transition or a note adds: it completes the row this unit of work already recorded for the item, or adds one.
    /// </summary>
    public AuditEntry Complete(ContentItem item, string action, string? from, string? to, AuditNote? note = null)
    {
        if (!_recorded.TryGetValue(item.ContentItemId, out var entry) || db.Entry(entry).State == Microsoft.EntityFrameworkCore.EntityState.Detached)
            _recorded[item.ContentItemId] = entry = New(item, action);
        entry.Action = note?.Action ?? action;
        entry.ContentItemVersionId = item.ContentItemVersionId;
        entry.FromState = from;
        entry.ToState = to;
        entry.Comment = string.IsNullOrEmpty(note?.Comment) ? null : note.Comment;
        if (note?.UserName is not null) (entry.UserId, entry.UserName) = (note.UserId, note.UserName);
        entry.Contact = note?.Contact;
        entry.Culture = note?.Culture;
        return entry;
    }

    /// <summary>A row about an item that changes nothing in it (a reminder sent, a withdrawal asked for): always a row of its own.</summary>
    public AuditEntry Note(ContentItem item, string action, string? state, AuditNote note)
    {
        var entry = New(item, action);
        entry.FromState = state;
        entry.ToState = null;
        entry.Comment = string.IsNullOrEmpty(note.Comment) ? null : note.Comment;
        if (note.UserName is not null) (entry.UserId, entry.UserName) = (note.UserId, note.UserName);
        entry.Contact = note.Contact;
        entry.Culture = note.Culture;
        return entry;
    }

    /// <summary>
    /// Forgets the rows recorded so far, once saved (a bulk write saves a batch at a time with a fresh change tracker):
    /// a saved row is detached, so <see cref="Complete"/> would add a new one anyway, and a bulk write keeps no row per item.
    /// </summary>
    internal void Saved() => _recorded.Clear();

    private AuditEntry New(ContentItem item, string action)
    {
        var entry = new AuditEntry
        {
            ContentItemId = item.ContentItemId,
            ContentItemVersionId = item.ContentItemVersionId,
            ContentType = item.ContentType,
            Action = action,
            ToState = item.Status,
            UserId = user.Id,
            UserName = user.Name,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
