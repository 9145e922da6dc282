using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Localization;
using Portal.Core.Content.Fields;
using Portal.Core.Data;

namespace Portal.Core.Content;

public enum VersionOptions { Published, Latest }

/// <summary>The one path for every write to content: validates against the definition, versions, raises events.</summary>
public interface IContentManager
{
    Task<ContentItem> NewAsync(string contentType);
    Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options = VersionOptions.Published);
    Task<ContentItem?> GetVersionAsync(string contentItemVersionId);
    Task<IReadOnlyList<ContentItem>> GetVersionsAsync(string contentItemId);
    Task<ContentValidationResult> ValidateAsync(ContentItem item);
    Task<ContentResult> CreateAsync(ContentItem item, bool publish = false);
    /// <summary>
    /// Saves <paramref name="data"/> over the latest version, whose concurrency stamp must still be
    /// <paramref name="expectedStamp"/> (the one the editor opened); otherwise nothing is written.
    /// </summary>
    Task<ContentResult> UpdateAsync(string contentItemId, JsonObject data, string expectedStamp, bool publish = false);
    /// <summary>The same, over the latest version the caller has read already (it is not read again).</summary>
    Task<ContentResult> UpdateAsync(ContentItem latest, JsonObject data, string expectedStamp, bool publish = false);
    /// <summary>
    /// Moves the latest version along its workflow: publishes, withdraws or sets the state the transition reaches;
    /// one audit row with the transition, its comment and who took it; handlers hear it in the same unit of work.
    /// The workflow's rules (who may, four eyes, a comment required) are checked by its module before.
    /// </summary>
    Task<ContentResult> TransitionAsync(ContentItem latest, ContentTransition transition, AuditNote? note = null);
    /// <summary>
    /// A change of metadata only (such as "verified"): no new version; <paramref name="change"/> is applied to the
    /// latest and the published version, with one audit row and, when the item is public, one journal row.
    /// </summary>
    Task<ContentResult> ChangeMetadataAsync(string contentItemId, string action, Action<ContentItem> change, string? changedFields = null, AuditNote? note = null);
    Task<ContentResult> PublishAsync(string contentItemId);
    Task<ContentResult> UnpublishAsync(string contentItemId);
    Task<ContentResult> DeleteAsync(string contentItemId);
    Task<ContentResult> NewVersionAsync(string contentItemId);
    Task<ContentResult> CloneAsync(string contentItemId);
    /// <summary>
    /// Copies the culture-neutral values of this item's latest version to the other versions of its localization set
    /// (as a save of it would), without a new version of the item itself: to align sets that diverged.
    /// </summary>
    Task<ContentResult> AlignLocalizationSetAsync(string contentItemId);
    /// Starts a bulk write (see <see cref="ContentWriteBatch"/>): creates and updates are validated and handled as
    /// always but saved a batch at a time by <see cref="IContentBatch.SaveAsync"/>; a refused batch stops the writer.
    /// </summary>
    IContentBatch BeginBatch();
}

public sealed partial class ContentManager(Portal.Core.Localization.Cultures cultures, 
    PortalDbContext db,
    IContentDefinitionStore definitions,
    IEnumerable<IContentFieldType> fieldTypes,
    IEnumerable<IContentHandler> handlers,
    ICurrentUser user,
    TimeProvider clock,
    IStringLocalizer<ContentManager> T,
    AuditTrail audit,
    IServiceProvider services,
    ContentWriteBatch batch) : IContentManager
{
    private readonly Dictionary<string, IContentFieldType> _fieldTypes = fieldTypes.ToDictionary(f => f.Name);
    private readonly IContentHandler[] _handlers = handlers.OrderBy(h => h.Order).ToArray();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<ContentItem> NewAsync(string contentType)
    {
        _ = await TypeAsync(contentType) ?? throw new ArgumentException($"The content type '{contentType}' is not defined.");
        var id = IdGenerator.New();
        if (batch.Active) batch.Issued(id);
        return new ContentItem
        {
            ContentItemId = id,
            ContentItemVersionId = IdGenerator.New(),
            ContentType = contentType,
            Status = ContentStatus.Draft,
            Owner = user.Name,
            Author = user.Name,
        };
    }

    public Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options = VersionOptions.Published) =>
        options == VersionOptions.Latest
            ? db.ContentItems.SingleOrDefaultAsync(i => i.ContentItemId == contentItemId && i.Latest)
            : db.ContentItems.SingleOrDefaultAsync(i => i.ContentItemId == contentItemId && i.Published);

    public Task<ContentItem?> GetVersionAsync(string contentItemVersionId) =>
        db.ContentItems.SingleOrDefaultAsync(i => i.ContentItemVersionId == contentItemVersionId);

    public async Task<IReadOnlyList<ContentItem>> GetVersionsAsync(string contentItemId) =>
        await db.ContentItems.AsNoTracking().Where(i => i.ContentItemId == contentItemId).OrderByDescending(i => i.Number).ToListAsync();

    public Task<ContentValidationResult> ValidateAsync(ContentItem item) => ValidateAsync(item, publishing: false);

    private async Task<ContentValidationResult> ValidateAsync(ContentItem item, bool publishing)
    {
        var result = new ContentValidationResult();
        var type = await TypeAsync(item.ContentType);
        if (type is null)
        {
            result.Add("", T["The content type '{0}' is not defined.", item.ContentType]);
            return result;
        }
        await PrepareAsync(item, type);
        await ValidateFieldsAsync(item, type, result);
        var context = new ContentValidateContext(item, type, result, T) { Publishing = publishing };
        foreach (var handler in _handlers) await handler.ValidatingAsync(context);
        return result;
    }

    /// <summary>Cleans every field, then lets handlers derive display text, slug and culture.</summary>
    private async Task PrepareAsync(ContentItem item, ContentTypeDefinition type)
    {
        foreach (var (typePart, part) in await PartsOfAsync(type))
        {
            foreach (var field in part.Fields)
            {
                if (!_fieldTypes.TryGetValue(field.FieldType, out var fieldType) || item.Part(typePart.Name) is not { } partData) continue;
                var normalized = fieldType.Normalize(partData[field.Name]?.DeepClone(), field.Settings);
                if (normalized is null || fieldType.IsEmpty(normalized)) partData.Remove(field.Name);
                else partData[field.Name] = normalized;
            }
        }
        var context = new ContentContext(item, type);
        foreach (var handler in _handlers) await handler.UpdatingAsync(context);
    }

    private async Task ValidateFieldsAsync(ContentItem item, ContentTypeDefinition type, ContentValidationResult result)
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        foreach (var (typePart, part) in await PartsOfAsync(type))
        {
            foreach (var field in part.Fields)
            {
                var key = $"{typePart.Name}.{field.Name}";
                if (!_fieldTypes.TryGetValue(field.FieldType, out var fieldType))
                {
                    result.Add(key, T["The field type '{0}' is not available.", field.FieldType]);
                    continue;
                }
                var label = T[field.LabelFor(culture, cultures)];
                await fieldType.ValidateAsync(new FieldValidationContext(item, field, key, label, item.Field(typePart.Name, field.Name), T, services, result));
            }
        }
    }

    public async Task<ContentResult> CreateAsync(ContentItem item, bool publish = false)
    {
        var type = await TypeAsync(item.ContentType);
        if (type is null) return ContentResult.NotFound(T["The content type '{0}' is not defined.", item.ContentType]);
        if (string.IsNullOrEmpty(item.ContentItemId)) item.ContentItemId = IdGenerator.New();
        // An id NewAsync made in this bulk write is nobody's yet; any other is looked up.
        else if (!(batch.Active && batch.IsNew(item.ContentItemId)) && await db.ContentItems.AnyAsync(i => i.ContentItemId == item.ContentItemId))
            return ContentResult.Conflict(T["An item with the id {0} exists already.", item.ContentItemId]);

        await AdoptCultureNeutralAsync(item, type);
        var validation = await ValidateAsync(item, publish);
        if (!validation.Succeeded) return ContentResult.Invalid(validation);

        item.ContentItemVersionId = IdGenerator.New();
        item.Number = 1;
        item.Latest = true;
        item.Published = false;
        item.Status = ContentStatus.Draft;
        item.CreatedUtc = item.ModifiedUtc = Now;
        item.Owner ??= user.Name;
        item.Author = user.Name;
        item.LocalizationSet ??= item.ContentItemId;
        item.ConcurrencyStamp = NewStamp();
        db.ContentItems.Add(item);
        if (batch.Active) batch.Numbered(item.ContentItemId, 1);

        var context = new ContentContext(item, type);
        foreach (var handler in _handlers) await handler.CreatedAsync(context);
        if (publish) await MarkPublishedAsync(item, type, previous: null);
        else foreach (var handler in _handlers) await handler.DraftSavedAsync(context);
        await PropagateCultureNeutralAsync(item, type, validation);
        return await SaveAsync(item, validation);
    }

    public async Task<ContentResult> UpdateAsync(string contentItemId, JsonObject data, string expectedStamp, bool publish = false)
    {
        var latest = await GetAsync(contentItemId, VersionOptions.Latest);
        if (latest is null) return ContentResult.NotFound(T["The item {0} does not exist.", contentItemId]);
        return await UpdateAsync(latest, data, expectedStamp, publish);
    }

    public async Task<ContentResult> UpdateAsync(ContentItem latest, JsonObject data, string expectedStamp, bool publish = false)
    {
        var update = await ApplyUpdateAsync(latest, data, expectedStamp, publish);
        if (update.Failure is not null) return update.Failure;
        await PropagateCultureNeutralAsync(update.Target!, update.Type!, update.Validation!);
        return await SaveAsync(update.Target!, update.Validation);
    }

    private sealed record PendingUpdate(ContentResult? Failure, ContentItem? Target = null, ContentTypeDefinition? Type = null, ContentValidationResult? Validation = null);

    /// <summary>An update in the unit of work, not stored yet: the version written, or why nothing was.</summary>
    private async Task<PendingUpdate> ApplyUpdateAsync(ContentItem latest, JsonObject data, string expectedStamp, bool publish)
    {
        var contentItemId = latest.ContentItemId;
        if (latest.ConcurrencyStamp != expectedStamp) return new(Stale(latest));
        var type = await TypeAsync(latest.ContentType);
        if (type is null) return new(ContentResult.NotFound(T["The content type '{0}' is not defined.", latest.ContentType]));

        // Validate a detached copy first: nothing is touched when the input is refused.
        var candidate = CopyOf(latest);
        candidate.Data = (JsonObject)data.DeepClone();
        var validation = await ValidateAsync(candidate, publish);
        if (!validation.Succeeded) return new(ContentResult.Invalid(validation));

        var target = latest;
        if (latest.Published && type.Versionable)
        {
            target = CopyOf(latest);
            target.ContentItemVersionId = IdGenerator.New();
            var highest = batch.Active
                ? await batch.HighestNumberAsync(db, contentItemId)
                : await db.ContentItems.Where(i => i.ContentItemId == contentItemId).MaxAsync(i => i.Number);
            target.Number = highest + 1;
            if (batch.Active) batch.Numbered(contentItemId, target.Number);
            // The version before the new one is the latest when it has the highest number: its handlers need not read it again.
            if (batch.Active && highest == latest.Number) batch.Replaces(target, latest.Content);
            target.Latest = true;
            target.Published = false;
            target.Status = ContentStatus.Draft;
            target.CreatedUtc = latest.CreatedUtc;
            latest.Latest = false;
            latest.ConcurrencyStamp = NewStamp();
            db.ContentItems.Add(target);
        }
        else if (latest.Published)
        {
            // A type without versions is changed in place, published or not.
            target.Published = false;
        }
        target.Data = candidate.Data;
        target.DisplayText = candidate.DisplayText;
        target.Path = candidate.Path;
        target.Culture = candidate.Culture;
        target.LocalizationSet = candidate.LocalizationSet;
        target.ModifiedUtc = Now;
        target.Author = user.Name;
        target.ConcurrencyStamp = NewStamp();
        if (target.Status is ContentStatus.Published or ContentStatus.Unpublished) target.Status = ContentStatus.Draft;

        // An item has one published version at most: when the latest was it, it is the one replaced (no query in a bulk write).
        var knownPublished = batch.Active && latest.Published;
        if (publish || (!type.Versionable && latest.Published))
            await MarkPublishedAsync(target, type, knownPublished ? (ReferenceEquals(target, latest) ? null : latest) : await CurrentPublishedAsync(contentItemId, target));
        else foreach (var handler in _handlers) await handler.DraftSavedAsync(new ContentContext(target, type));
        return new(null, target, type, validation);
    }

    public async Task<ContentResult> PublishAsync(string contentItemId)
    {
        var latest = await GetAsync(contentItemId, VersionOptions.Latest);
        if (latest is null) return ContentResult.NotFound(T["The item {0} does not exist.", contentItemId]);
        if (latest.Published) return ContentResult.Ok(latest);
        var type = await definitions.GetTypeAsync(latest.ContentType);
        if (type is null) return ContentResult.NotFound(T["The content type '{0}' is not defined.", latest.ContentType]);
        var validation = await ValidateAsync(latest, publishing: true);
        if (!validation.Succeeded) return ContentResult.Invalid(validation);
        await MarkPublishedAsync(latest, type, await CurrentPublishedAsync(contentItemId, latest));
        latest.ConcurrencyStamp = NewStamp();
        await PropagateCultureNeutralAsync(latest, type, validation);
        return await SaveAsync(latest, validation);
    }

    public async Task<ContentResult> UnpublishAsync(string contentItemId)
    {
        var published = await GetAsync(contentItemId);
        if (published is null) return ContentResult.NotFound(T["The item {0} is not published.", contentItemId]);
        var type = await definitions.GetTypeAsync(published.ContentType) ?? new ContentTypeDefinition { Name = published.ContentType };
        published.Published = false;
        published.Status = ContentStatus.Unpublished;
        published.ConcurrencyStamp = NewStamp();
        foreach (var handler in _handlers) await handler.UnpublishedAsync(new ContentContext(published, type));
        return await SaveAsync(published);
    }

    public async Task<ContentResult> DeleteAsync(string contentItemId)
    {
        var versions = await db.ContentItems.Where(i => i.ContentItemId == contentItemId && (i.Latest || i.Published)).ToListAsync();
        var latest = versions.FirstOrDefault(v => v.Latest);
        if (latest is null) return ContentResult.NotFound(T["The item {0} does not exist.", contentItemId]);
        var type = await definitions.GetTypeAsync(latest.ContentType) ?? new ContentTypeDefinition { Name = latest.ContentType };
        // A soft delete: every version stays in the table, none is latest or published any more.
        foreach (var version in versions)
        {
            version.Latest = false;
            version.Published = false;
            version.ConcurrencyStamp = NewStamp();
        }
        latest.Status = ContentStatus.Deleted;
        latest.ModifiedUtc = Now;
        latest.Author = user.Name;
        foreach (var handler in _handlers) await handler.RemovedAsync(new ContentContext(latest, type));
        return await SaveAsync(latest);
    }

    public async Task<ContentResult> NewVersionAsync(string contentItemId)
    {
        var latest = await GetAsync(contentItemId, VersionOptions.Latest);
        if (latest is null) return ContentResult.NotFound(T["The item {0} does not exist.", contentItemId]);
        return await UpdateAsync(contentItemId, latest.Data, latest.ConcurrencyStamp);
    }

    public async Task<ContentResult> CloneAsync(string contentItemId)
    {
        var latest = await GetAsync(contentItemId, VersionOptions.Latest);
        if (latest is null) return ContentResult.NotFound(T["The item {0} does not exist.", contentItemId]);
        var clone = CopyOf(latest);
        clone.ContentItemId = IdGenerator.New();
        clone.LocalizationSet = null;
        clone.Owner = user.Name;
        // The copy gets its own address: the slug handler makes one from the title again.
        if (clone.Part("AutoroutePart") is { } route) route.Remove("Path");
        if (clone.Part("TitlePart")?["Title"] is JsonObject title && title["Text"] is not null)
            title["Text"] = T["{0} (copy)", title["Text"]!.GetValue<string>()].Value;
        return await CreateAsync(clone);
    }

    private async Task<ContentItem?> CurrentPublishedAsync(string contentItemId, ContentItem except) =>
        await db.ContentItems.SingleOrDefaultAsync(i => i.ContentItemId == contentItemId && i.Published && i.Id != except.Id);

    private async Task MarkPublishedAsync(ContentItem item, ContentTypeDefinition type, ContentItem? previous)
    {
        if (previous is not null && previous != item)
        {
            previous.Published = false;
            previous.ConcurrencyStamp = NewStamp();
        }
        item.Published = true;
        item.Status = ContentStatus.Published;
        item.PublishedUtc = Now;
        foreach (var handler in _handlers) await handler.PublishedAsync(new ContentContext(item, type));
    }

    /// <summary>Stores the unit of work; the validation's warnings travel with the result.</summary>
    private async Task<ContentResult> SaveAsync(ContentItem item, ContentValidationResult? validation = null)
    {
        try
        {
            // In a bulk write the writer saves a batch at once (and a refused batch stops it whole).
            if (batch.Active) batch.Took(item);
            else await db.SaveChangesAsync();
            return ContentResult.Ok(item, validation);
        }
        catch (DbUpdateConcurrencyException)
        {
            foreach (var entry in db.ChangeTracker.Entries().ToList()) entry.State = EntityState.Detached;
            var current = await db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.ContentItemId == item.ContentItemId && i.Latest);
            return current is null ? ContentResult.NotFound(T["The item {0} does not exist.", item.ContentItemId]) : Stale(current);
        }
    }

    private ContentResult Stale(ContentItem current) => ContentResult.Conflict(
        T["Someone else ({0}) saved this item at {1:u} since you opened it. Your changes were not saved: they are still in the form below; open the current version in another tab and bring your changes over.",
            current.Author ?? "?", current.ModifiedUtc], current);

    /// <summary>A type definition: read once per bulk write, else from the store.</summary>
    private async Task<ContentTypeDefinition?> TypeAsync(string name) =>
        batch.Active ? (await batch.TypeAsync(definitions, name))?.Type : await definitions.GetTypeAsync(name);

    private async Task<IReadOnlyList<(ContentTypePartDefinition TypePart, ContentPartDefinition Part)>> PartsOfAsync(ContentTypeDefinition type) =>
        batch.Active && await batch.TypeAsync(definitions, type.Name) is { } known && ReferenceEquals(known.Type, type) ? known.Parts : await definitions.GetPartsOfAsync(type);

    /// <summary>A batch begun inside another one (a dry run inside an apply) is part of it: it ends with the outer one.</summary>
    public IContentBatch BeginBatch()
    {
        var outer = !batch.Active;
        if (outer) batch.Begin();
        return new Batch(db, batch, audit, outer);
    }

    private sealed class Batch(PortalDbContext db, ContentWriteBatch state, AuditTrail audit, bool outer) : IContentBatch
    {
        /// <summary>
        /// Saves in one transaction (the writer's, or one of its own): the changed rows through the change tracker; the
        /// new versions, journal and audit rows (thousands, never read back in the batch) several per statement, their
        /// keys read back. The interceptors that follow journal rows hear of them as of saved ones.
        /// </summary>
        public async Task SaveAsync(CancellationToken cancellationToken = default)
        {
            var (items, changes, auditRows) = Prepare();
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await BulkInsert.InsertAsync(db, items, cancellationToken);
                await BulkInsert.InsertAsync(db, changes, cancellationToken);
                await BulkInsert.InsertAsync(db, auditRows, cancellationToken);
                if (changes.Count > 0)
                    foreach (var follower in db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<IJournalRowsInserted>() ?? [])
                        await follower.InsertedAsync(db, changes);
                if (own is not null) await own.CommitAsync(cancellationToken);
            }
            finally
            {
                if (own is not null) await own.DisposeAsync();
            }
            db.ChangeTracker.Clear();
            state.Saved();
            audit.Saved();
        }

        public void Dispose()
        {
            if (outer) state.End();
        }

        /// <summary>
        /// Readies the batch for its save: each item's data serialized once (the save reads it several times), and the
        /// added rows taken out of the change tracker, to be inserted together.
        /// </summary>
        private (List<ContentItem> Items, List<ContentChange> Changes, List<AuditEntry> Audit) Prepare()
        {
            // Added rows need no scan for changes, and an item's serialized data is what the save's own scan compares.
            return db.ChangeTracker.WithoutDetectingChanges(tracker =>
            {
                foreach (var item in tracker.Entries<ContentItem>()) item.Entity.Serialize();
                return (Take<ContentItem>(tracker), Take<ContentChange>(tracker), Take<AuditEntry>(tracker));
            });

            static List<T> Take<T>(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker tracker) where T : class
            {
                var added = tracker.Entries<T>().Where(e => e.State == EntityState.Added).ToList();
                foreach (var entry in added) entry.State = EntityState.Detached;
                return added.Select(e => e.Entity).ToList();
            }
        }
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    private static ContentItem CopyOf(ContentItem source) => new()
    {
        ContentItemId = source.ContentItemId,
        ContentItemVersionId = source.ContentItemVersionId,
        Number = source.Number,
        ContentType = source.ContentType,
        DisplayText = source.DisplayText,
        Latest = source.Latest,
        Published = source.Published,
        Status = source.Status,
        Culture = source.Culture,
        LocalizationSet = source.LocalizationSet,
        Owner = source.Owner,
        Author = source.Author,
        CreatedUtc = source.CreatedUtc,
        ModifiedUtc = source.ModifiedUtc,
        PublishedUtc = source.PublishedUtc,
        Path = source.Path,
        Content = source.Content,
    };
}
