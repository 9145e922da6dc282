using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Content;

/// <summary>
/// The state of a bulk write (a spreadsheet import), shared by the content manager and the handlers of one scope.
/// While <see cref="Active"/>, the content manager validates each write and runs its handlers (journal and audit rows
/// included) as always, but adds it to the unit of work without saving it: the writer saves a batch at once with
/// <see cref="IContentBatch.SaveAsync"/>, which also gives the next batch a fresh change tracker. What is the same for
/// every row is read once for the whole batch instead of once per row: the content definitions, the paths already
/// taken (with those of the writes not saved yet), the version an update replaces.
/// </summary>
public sealed class ContentWriteBatch
{
    /// <summary>The owners of each path taken: one for almost every path, so a second one goes to <see cref="_sharedPaths"/>.</summary>
    private Dictionary<string, (string Culture, string ItemId)>? _paths;
    private readonly Dictionary<string, List<(string Culture, string ItemId)>> _sharedPaths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ContentTypeDefinition Type, IReadOnlyList<(ContentTypePartDefinition TypePart, ContentPartDefinition Part)> Parts)> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _previous = new(StringComparer.Ordinal);
    private readonly HashSet<string> _newIds = new(StringComparer.Ordinal);
    private Dictionary<string, int>? _highest;
    private readonly Dictionary<string, int> _numbered = new(StringComparer.Ordinal);
    private HashSet<string>? _sharedSets;

    public bool Active { get; private set; }

    /// <summary>Which bulk write this is: a handler keeping what it read for one batch knows when a new one begins.</summary>
    public int Generation { get; private set; }

    internal void Begin()
    {
        Active = true;
        Generation++;
    }

    internal void End()
    {
        Active = false;
        _paths = null;
        _sharedPaths.Clear();
        _types.Clear();
        _previous.Clear();
        _newIds.Clear();
        _highest = null;
        _numbered.Clear();
        _sharedSets = null;
    }

    /// <summary>The highest version number of an item: those stored read for every item at once, with those this batch numbered.</summary>
    internal async Task<int> HighestNumberAsync(PortalDbContext db, string contentItemId)
    {
        _highest ??= await db.ContentItems.AsNoTracking().GroupBy(i => i.ContentItemId)
            .Select(g => new { g.Key, Highest = g.Max(i => i.Number) }).ToDictionaryAsync(g => g.Key, g => g.Highest, StringComparer.Ordinal);
        return Math.Max(_highest.GetValueOrDefault(contentItemId), _numbered.GetValueOrDefault(contentItemId));
    }

    /// <summary>A version numbered <paramref name="number"/> was added to the unit of work.</summary>
    internal void Numbered(string contentItemId, int number)
    {
        if (number > _numbered.GetValueOrDefault(contentItemId)) _numbered[contentItemId] = number;
    }

    /// <summary>
    /// Whether the item may have other versions in its localization set (other languages): read once for every set,
    /// then any item that joins a set not its own in this batch makes that set shared.
    /// </summary>
    internal async Task<bool> MayHaveSiblingsAsync(PortalDbContext db, ContentItem item)
    {
        var set = item.LocalizationSet!;
        _sharedSets ??= (await db.ContentItems.AsNoTracking().Where(i => i.Latest && i.LocalizationSet != null).GroupBy(i => i.LocalizationSet!)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        if (set != item.ContentItemId) _sharedSets.Add(set);
        return _sharedSets.Contains(set);
    }

    /// <summary>Whether another item (latest or published version) has this path in the item's culture (or in no culture).</summary>
    public async Task<bool> IsPathTakenAsync(PortalDbContext db, ContentItem item, string path)
    {
        if (_paths is null)
        {
            _paths = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
            await foreach (var row in db.ContentItems.AsNoTracking().Where(i => i.Path != null && (i.Latest || i.Published))
                .Select(i => new { i.Path, i.Culture, i.ContentItemId }).AsAsyncEnumerable())
                Add(row.Path!, string.Intern(row.Culture), row.ContentItemId);
        }
        if (!_paths.TryGetValue(path, out var first)) return false;
        var culture = item.Culture;
        bool Other((string Culture, string ItemId) o) => o.ItemId != item.ContentItemId && (culture == "" || o.Culture == culture || o.Culture == "");
        return Other(first) || _sharedPaths.TryGetValue(path, out var more) && more.Any(Other);
    }

    private void Add(string path, string culture, string itemId)
    {
        if (!_paths!.TryGetValue(path, out var first)) _paths[path] = (culture, itemId);
        else if (first != (culture, itemId))
        {
            if (!_sharedPaths.TryGetValue(path, out var more)) _sharedPaths[path] = more = [];
            if (!more.Contains((culture, itemId))) more.Add((culture, itemId));
        }
    }

    /// <summary>A write added to the batch: its path counts as taken from now on.</summary>
    internal void Took(ContentItem item)
    {
        if (_paths is not null && !string.IsNullOrEmpty(item.Path)) Add(item.Path, item.Culture, item.ContentItemId);
    }

    internal async Task<(ContentTypeDefinition Type, IReadOnlyList<(ContentTypePartDefinition TypePart, ContentPartDefinition Part)> Parts)?> TypeAsync(
        IContentDefinitionStore definitions, string name)
    {
        if (_types.TryGetValue(name, out var known)) return known;
        if (await definitions.GetTypeAsync(name) is not { } type) return null;
        return _types[name] = (type, await definitions.GetPartsOfAsync(type));
    }

    /// <summary>An id the content manager made for a new item in this batch: no item can have it yet.</summary>
    internal void Issued(string contentItemId) => _newIds.Add(contentItemId);

    internal bool IsNew(string contentItemId) => _newIds.Contains(contentItemId);

    /// <summary>The content of the version a new version replaces (known to the content manager when it makes it).</summary>
    internal void Replaces(ContentItem version, string previousContent) => _previous[version.ContentItemVersionId] = previousContent;

    /// <summary>
    /// The content of the version before <paramref name="item"/>, when it is known without a query: none for a first
    /// version, the replaced one for a version made in this batch.
    /// </summary>
    public bool TryGetPrevious(ContentItem item, out string? content)
    {
        content = null;
        if (item.Number <= 1) return true;
        return Active && _previous.TryGetValue(item.ContentItemVersionId, out content);
    }

    /// <summary>Forgets what the saved batch no longer needs (the next batch has a fresh change tracker).</summary>
    internal void Saved() => _previous.Clear();
}

/// <summary>A bulk write begun with <see cref="IContentManager.BeginBatch"/>; disposing it ends the batch (unsaved writes stay in the unit of work).</summary>
public interface IContentBatch : IDisposable
{
    /// <summary>Saves the writes added since the last save at once, then clears the change tracker.</summary>
    Task SaveAsync(CancellationToken cancellationToken = default);
}
