using Portal.Core.Content;

namespace Portal.Core.Settings;

/// <summary>The JSON of every settings document read so far (null: none stored), dropped when the journal reports it saved.</summary>
public sealed class DocumentReadModel(IServiceProvider services) : IContentJournalObserver
{
    public ReadModelCache<string?> Json { get; } = new(services);

    public Task OnChangesAsync(IReadOnlyList<ContentChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes.Where(c => c.Kind == ContentChangeKind.Settings))
        {
            // A key longer than the journal's column arrives cut: drop every key it starts.
            if (change.ContentType.Length >= ContentJournal.NameLength) Json.RemoveWhere(k => k.StartsWith(change.ContentType, StringComparison.Ordinal));
            else Json.Remove(change.ContentType);
        }
        return Task.CompletedTask;
    }
}
