using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Core.Data;

namespace Portal.Directory.Services;

/// <summary>
/// Which published offers (actions and aidant supports) name which actor, and which actors are translations of one
/// another, kept in memory: an actor's page finds its offers by their ids instead of reading the text of every offer,
/// so it costs the same with 500 or 100,000 entries. Read whole at the first use, then only the entries the content
/// journal reports changed (on this node at the commit, on the others within the follower's poll), at the next use.
/// </summary>
public sealed class ActorOffers(IServiceProvider services) : IContentJournalObserver
{
    private readonly Lock _sync = new();
    private bool _loaded;
    private long _version;
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);
    // offer → the actors it names; actor → the offers naming it
    private readonly Dictionary<string, string[]> _actorsOfOffer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _offersOfActor = new(StringComparer.Ordinal);
    // actor → its translation set (its own id when it has none); set → its actors
    private readonly Dictionary<string, string[]> _setOfActor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _actorsOfSet = new(StringComparer.Ordinal);

    /// <summary>
    /// The ids of the published offers naming the actor or one of its translations; null when memory cannot answer
    /// (inside a transaction, before the journal is followed, or while a change arrived during the read): ask the database.
    /// </summary>
    public async Task<IReadOnlyCollection<string>?> OffersOfAsync(PortalDbContext db, ContentItem actor, CancellationToken cancellationToken = default)
    {
        if (db.InTransaction || !services.GetRequiredService<ContentJournalFollower>().Following) return null;
        bool full;
        string[] dirty;
        long version;
        lock (_sync)
        {
            full = !_loaded;
            dirty = [.. _dirty];
            version = _version;
        }
        if (full || dirty.Length > 0)
        {
            var types = new[] { DirectoryTypes.Actor, DirectoryTypes.Action, DirectoryTypes.AidantSupport };
            var query = db.ContentItems.AsNoTracking().Where(i => i.Published && types.Contains(i.ContentType));
            if (!full) query = query.Where(i => dirty.Contains(i.ContentItemId));
            // Actors without their text (only their translation set), offers with it (their Actor field).
            var rows = await query
                .Select(i => new { i.ContentItemId, i.ContentType, i.LocalizationSet, Content = i.ContentType == DirectoryTypes.Actor ? "" : i.Content })
                .ToListAsync(cancellationToken);
            var read = rows.Select(r => r.ContentType == DirectoryTypes.Actor
                ? (r.ContentItemId, Actor: true, Set: r.LocalizationSet ?? r.ContentItemId, Actors: Array.Empty<string>())
                : (r.ContentItemId, Actor: false, Set: "", Actors: ContentPickerFieldType.Ids(new ContentItem { ContentItemId = r.ContentItemId, ContentType = r.ContentType, Content = r.Content }.Field(r.ContentType, "Actor")).ToArray()))
                .ToList();
            lock (_sync)
            {
                if (_version != version) return null;
                foreach (var id in dirty) Forget(id);
                foreach (var r in read)
                {
                    if (r.Actor) Link(_setOfActor, _actorsOfSet, r.ContentItemId, [r.Set]);
                    else Link(_actorsOfOffer, _offersOfActor, r.ContentItemId, r.Actors);
                }
                _dirty.Clear();
                _loaded = true;
            }
        }
        lock (_sync)
        {
            var set = _setOfActor.GetValueOrDefault(actor.ContentItemId)?[0] ?? actor.LocalizationSet ?? actor.ContentItemId;
            var actors = _actorsOfSet.TryGetValue(set, out var translations) ? translations.Append(actor.ContentItemId) : [actor.ContentItemId];
            return actors.Distinct(StringComparer.Ordinal)
                .SelectMany(a => _offersOfActor.TryGetValue(a, out var offers) ? offers : (IEnumerable<string>)[])
                .ToHashSet(StringComparer.Ordinal);
        }
    }

    public Task OnChangesAsync(IReadOnlyList<ContentChange> changes, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            foreach (var change in changes)
            {
                if (!ContentChangeKind.IsContent(change.Kind) || !DirectoryTypes.All.Contains(change.ContentType)) continue;
                _dirty.Add(change.ContentItemId);
                _version++;
            }
        }
        return Task.CompletedTask;
    }

    private void Forget(string id)
    {
        Unlink(_actorsOfOffer, _offersOfActor, id);
        Unlink(_setOfActor, _actorsOfSet, id);
    }

    private static void Link(Dictionary<string, string[]> forward, Dictionary<string, HashSet<string>> backward, string id, string[] targets)
    {
        forward[id] = targets;
        foreach (var target in targets)
        {
            if (!backward.TryGetValue(target, out var ids)) backward[target] = ids = new HashSet<string>(StringComparer.Ordinal);
            ids.Add(id);
        }
    }

    private static void Unlink(Dictionary<string, string[]> forward, Dictionary<string, HashSet<string>> backward, string id)
    {
        if (!forward.Remove(id, out var targets)) return;
        foreach (var target in targets)
            if (backward.TryGetValue(target, out var ids) && ids.Remove(id) && ids.Count == 0) backward.Remove(target);
    }
}
