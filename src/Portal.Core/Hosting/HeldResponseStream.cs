namespace Portal.Core.Hosting;

/// <summary>
/// A write-only response body that may hold what is written instead of passing it on (to hash it, or to rewrite it):
/// while <see cref="Holding"/>, flushes are kept back; the synchronous writes go through <see cref="WriteAsync(ReadOnlyMemory{byte}, CancellationToken)"/>.
/// </summary>
internal abstract class HeldResponseStream(Stream inner) : Stream
{
    protected Stream Inner => inner;

    /// <summary>Whether the written bytes are held rather than passed on.</summary>
    protected abstract bool Holding { get; }

    public abstract override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default);

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Flush()
    {
        if (!Holding) inner.Flush();
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Holding ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
