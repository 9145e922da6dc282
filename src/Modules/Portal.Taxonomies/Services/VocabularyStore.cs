using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Taxonomies.Models;

namespace Portal.Taxonomies.Services;

/// <summary>
/// Every vocabulary read so far, parsed once and shared by all requests (never change one got from
/// <see cref="VocabularyStore.GetAsync"/>: <see cref="VocabularyStore.GetForEditAsync"/> gives a copy of one's own), dropped
/// when the content journal reports a vocabulary published, unpublished or deleted.
/// </summary>
public sealed class VocabularyReadModel(IServiceProvider services) : IContentJournalObserver
{
    public ReadModelCache<Vocabulary?> Vocabularies { get; } = new(services);

    public Task OnChangesAsync(IReadOnlyList<ContentChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes.Where(c => ContentChangeKind.IsContent(c.Kind) && c.ContentType == VocabularyStore.ContentType))
            Vocabularies.Remove(change.ContentItemId.StartsWith("voc-", StringComparison.Ordinal) ? change.ContentItemId[4..] : change.ContentItemId);
        return Task.CompletedTask;
    }
}

/// <summary>Vocabularies are published content items of type Vocabulary (id "voc-{name}"), so every change is a version.</summary>
// Content handlers read vocabularies, and the content manager runs the handlers: the manager is resolved only to write.
public sealed class VocabularyStore(PortalDbContext db, IServiceProvider services, VocabularyValidator validator, Portal.Core.Localization.Cultures cultures, VocabularyReadModel readModel)
{
    public const string ContentType = "Vocabulary";
    public const string PartName = "VocabularyPart";
    private readonly Dictionary<string, Vocabulary?> _cache = new(StringComparer.Ordinal);

    public static string IdOf(string name) => "voc-" + name;

    public async Task<Vocabulary?> GetAsync(string name)
    {
        if (_cache.TryGetValue(name, out var cached)) return cached;
        // Shared from memory unless a transaction is open (it may hold a version of its own not yet committed).
        var vocabulary = db.InTransaction ? await LoadAsync(name) : await readModel.Vocabularies.GetAsync(name, () => LoadAsync(name));
        _cache[name] = vocabulary;
        return vocabulary;
    }

    /// <summary>A copy of the stored vocabulary that the caller may change (and save).</summary>
    public Task<Vocabulary?> GetForEditAsync(string name) => LoadAsync(name);

    private async Task<Vocabulary?> LoadAsync(string name)
    {
        var content = await db.ContentItems.AsNoTracking()
            .Where(i => i.ContentItemId == IdOf(name) && i.Latest).Select(i => i.Content).SingleOrDefaultAsync();
        return content is null ? null : Read(content);
    }

    public Task<Vocabulary?> ReloadAsync(string name)
    {
        _cache.Remove(name);
        return LoadAsync(name);
    }

    public async Task<IReadOnlyList<Vocabulary>> ListAsync()
    {
        var contents = await db.ContentItems.AsNoTracking().Where(i => i.ContentType == ContentType && i.Latest).Select(i => i.Content).ToListAsync();
        return contents.Select(Read).OfType<Vocabulary>().OrderBy(v => v.DisplayName.For(cultures.Default, cultures), StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The concurrency stamp of the vocabulary's latest version, which an editor sends back with a change.</summary>
    public Task<string?> StampAsync(string name) =>
        db.ContentItems.Where(i => i.ContentItemId == IdOf(name) && i.Latest).Select(i => i.ConcurrencyStamp).SingleOrDefaultAsync();

    /// <summary>Creates or replaces a vocabulary, published; refused with messages when invalid or changed meanwhile.</summary>
    public async Task<ContentResult> SaveAsync(Vocabulary vocabulary, string? expectedStamp = null)
    {
        var validation = validator.Validate(vocabulary);
        if (!validation.Succeeded) return ContentResult.Invalid(validation);

        var data = new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = new JsonObject { ["Text"] = vocabulary.DisplayName.For(cultures.Default, cultures) } },
            [PartName] = JsonSerializer.SerializeToNode(vocabulary, ContentJson.Options),
        };
        var contentManager = services.GetRequiredService<IContentManager>();
        var id = IdOf(vocabulary.Name);
        var latest = await contentManager.GetAsync(id, VersionOptions.Latest);
        ContentResult result;
        if (latest is null)
        {
            var item = await contentManager.NewAsync(ContentType);
            item.ContentItemId = id;
            item.Data = data;
            result = await contentManager.CreateAsync(item, publish: true);
        }
        else if (JsonNode.DeepEquals(latest.Data, data) && latest.Published) return ContentResult.Ok(latest);
        else result = await contentManager.UpdateAsync(id, data, expectedStamp ?? latest.ConcurrencyStamp, publish: true);
        _cache.Remove(vocabulary.Name);
        return result;
    }

    private static Vocabulary? Read(string content) =>
        JsonNode.Parse(content)?[PartName]?.Deserialize<Vocabulary>(ContentJson.Options);
}
