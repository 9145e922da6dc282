using System.Threading.Channels;
using Portal.Search.Engine;

namespace Portal.Search.Services;

/// <summary>
/// Adds documents to an index on a thread of its own, a bounded queue ahead. A failure of the writing ends the queue:
/// the next <see cref="AddAsync"/> or <see cref="FinishAsync"/> throws it.
/// </summary>
internal sealed class BackgroundWriter
{
    private readonly Channel<SearchDocument> _queue = Channel.CreateBounded<SearchDocument>(new BoundedChannelOptions(512) { SingleReader = true, SingleWriter = true });
    private readonly CancellationToken _cancellationToken;
    private readonly Task _done;

    public BackgroundWriter(LuceneSearchIndex index, CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        _done = Task.Run(async () =>
        {
            try
            {
                await foreach (var document in _queue.Reader.ReadAllAsync(cancellationToken)) index.Add(document);
            }
            catch (Exception ex)
            {
                _queue.Writer.TryComplete(ex);
                throw;
            }
        }, cancellationToken);
    }

    public async ValueTask AddAsync(SearchDocument document)
    {
        try { await _queue.Writer.WriteAsync(document, _cancellationToken); }
        catch (ChannelClosedException)
        {
            await _done; // the writer's own failure, rather than the closed queue's
            throw;
        }
    }

    /// <summary>Ends the queue and waits until every document in it is written.</summary>
    public Task FinishAsync()
    {
        _queue.Writer.TryComplete();
        return _done;
    }
}
