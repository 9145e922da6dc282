using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Portal.Core.Hosting;

/// <summary>
/// What a public site owes its visitors' bandwidth and their monitors: Brotli and gzip on text, `HEAD` wherever
/// `GET` answers, an entity tag and `304 Not Modified` on pages, feeds and APIs, and year-long caching of the
/// fingerprinted static files (their address changes with their content: `?v=` from asp-append-version).
/// </summary>
public static class HttpEfficiency
{
    /// <summary>The text types compressed: pages, styles, scripts, JSON and GeoJSON, XML and feeds, calendars, CSV.</summary>
    public static readonly string[] CompressedTypes =
    [
        "text/html", "text/css", "text/plain", "text/csv", "text/xml", "text/calendar", "text/javascript",
        "application/javascript", "application/json", "application/problem+json", "application/geo+json",
        "application/xml", "application/rss+xml", "application/atom+xml", "application/manifest+json",
        "application/ld+json", "image/svg+xml",
    ];

    public static IServiceCollection AddHttpEfficiency(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // Antiforgery tokens are encrypted afresh in every response, so compression gives BREACH nothing stable to guess.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = CompressedTypes;
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>
    /// Before the static files: HEAD runs the GET endpoint without its body, and the site's files (an address whose
    /// extension names a file type) are compressed. What the endpoints answer is compressed further in, inside the
    /// page cache (<see cref="UseAnswerCompression"/>): a cached answer is compressed once, not on every replay.
    /// </summary>
    public static IApplicationBuilder UseHttpEfficiency(this IApplicationBuilder app)
    {
        app.Use(HeadAsGetAsync);
        app.UseWhen(context => FileTypes.TryGetContentType(context.Request.Path.Value ?? "", out _), files => files.UseResponseCompression());
        return app;
    }

    /// <summary>
    /// Inside the page cache: the answers of the endpoints and the error pages, compressed as they are rendered (and so
    /// stored compressed, per encoding). An answer already encoded further in passes through the compression outside.
    /// </summary>
    public static IApplicationBuilder UseAnswerCompression(this IApplicationBuilder app) => app.UseResponseCompression();

    private static readonly Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider FileTypes = new();

    /// <summary>
    /// After the static files (which tag themselves) and inside the page cache: entity tags and 304 for what the
    /// endpoints answer. A cached answer keeps the tag it was rendered with, and the cache answers 304 itself.
    /// </summary>
    public static IApplicationBuilder UseEntityTags(this IApplicationBuilder app) => app.Use(EntityTagAsync);

    /// <summary>Static files: a year, immutable, when the address carries the content's version; revalidated otherwise.</summary>
    public static void CacheStaticFile(HttpContext context)
    {
        context.Response.Headers.CacheControl = context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "no-cache";
    }

    private static async Task HeadAsGetAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        context.Request.Method = HttpMethods.Get;
        var body = context.Features.Get<IHttpResponseBodyFeature>()!;
        var counter = new HeadBody();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(counter, body));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(body);
            context.Request.Method = HttpMethods.Head;
        }
    }

    private const int MaxTaggedBytes = 4 * 1024 * 1024;

    /// <summary>
    /// A successful GET of a page, feed or API gets a weak entity tag from its bytes; a request that sends it back in
    /// If-None-Match gets 304 without the body. Responses marked no-store (forms with antiforgery tokens), streamed
    /// or larger than 4 MB pass through untouched.
    /// </summary>
    private static async Task EntityTagAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            await next(context);
            return;
        }
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        await using var buffer = new TagBuffer(original.Stream, MaxTaggedBytes);
        var feature = new StreamResponseBodyFeature(buffer, original);
        context.Features.Set<IHttpResponseBodyFeature>(feature);
        try
        {
            await next(context);
            // What an endpoint wrote through the pipe writer is in the buffer once the writer completes.
            await feature.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }

        var response = context.Response;
        if (buffer.Overflowed || !Taggable(response))
        {
            await buffer.FlushToAsync(original, context.RequestAborted);
            return;
        }
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        buffer.Hash(hash);
        var tag = "W/\"" + Convert.ToHexStringLower(hash[..16]) + "\"";
        response.Headers.ETag = tag;
        if (string.IsNullOrEmpty(response.Headers.CacheControl))
            response.Headers.CacheControl = context.User.Identity?.IsAuthenticated == true ? "private, no-cache" : "no-cache";
        if (Matches(context.Request.Headers.IfNoneMatch, tag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.Headers.ContentLength = null;
            response.ContentType = null;
            return;
        }
        await buffer.FlushToAsync(original, context.RequestAborted);
    }

    private static bool Taggable(HttpResponse response) =>
        response.StatusCode == StatusCodes.Status200OK
        && !response.HasStarted
        && string.IsNullOrEmpty(response.Headers.ETag)
        && !response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase)
        && response.ContentType is { } type && !type.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase);

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string tag)
    {
        if (ifNoneMatch.Count == 0) return false;
        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)) return false;
        var ours = EntityTagHeaderValue.Parse(tag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
    }

    /// <summary>A HEAD response's body: counted, never sent.</summary>
    private sealed class HeadBody : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => 0;
        public override long Position { get => 0; set { } }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) { }
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.CompletedTask;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }

    /// <summary>
    /// Holds a response up to a limit to tag it; past the limit it writes through. What it holds is kept in pieces
    /// rented from the shared pool (a map's 100 KB of GeoJSON grew a MemoryStream through ten copies, the last ones on
    /// the large object heap, on every request) and given back when the response is done.
    /// </summary>
    private sealed class TagBuffer(Stream inner, int limit) : HeldResponseStream(inner)
    {
        private const int PieceSize = 16 * 1024;
        private readonly List<byte[]> _pieces = [];
        private int _lastUsed;
        private long _length;
        private bool _overflowed;

        public bool Overflowed => _overflowed;

        /// <summary>The SHA-256 of what is held.</summary>
        public void Hash(Span<byte> destination)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            for (var i = 0; i < _pieces.Count; i++)
                hash.AppendData(_pieces[i], 0, i == _pieces.Count - 1 ? _lastUsed : PieceSize);
            hash.GetHashAndReset(destination);
        }

        public async Task FlushToAsync(IHttpResponseBodyFeature target, CancellationToken cancellationToken)
        {
            if (_length > 0) await WriteHeldAsync(target.Stream, cancellationToken);
            Release();
        }

        /// <summary>
        /// In one write: the compression further out (Brotli at its fastest) makes a block of each write, and blocks of
        /// 16 KB made a map's GeoJSON 60 % larger than one block of the whole.
        /// </summary>
        private async Task WriteHeldAsync(Stream target, CancellationToken cancellationToken)
        {
            if (_pieces.Count == 1)
            {
                await target.WriteAsync(_pieces[0].AsMemory(0, _lastUsed), cancellationToken);
                return;
            }
            var whole = ArrayPool<byte>.Shared.Rent((int)_length);
            try
            {
                for (var i = 0; i < _pieces.Count; i++)
                    _pieces[i].AsSpan(0, i == _pieces.Count - 1 ? _lastUsed : PieceSize).CopyTo(whole.AsSpan(i * PieceSize));
                await target.WriteAsync(whole.AsMemory(0, (int)_length), cancellationToken);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(whole);
            }
        }

        private void Release()
        {
            foreach (var piece in _pieces) ArrayPool<byte>.Shared.Return(piece);
            _pieces.Clear();
            _lastUsed = 0;
            _length = 0;
        }

        protected override bool Holding => !_overflowed;

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_overflowed && _length + buffer.Length <= limit)
            {
                Hold(buffer.Span);
                return;
            }
            if (!_overflowed)
            {
                // Too big to tag: send what was held, then write through.
                _overflowed = true;
                await WriteHeldAsync(Inner, cancellationToken);
                Release();
            }
            await Inner.WriteAsync(buffer, cancellationToken);
        }

        private void Hold(ReadOnlySpan<byte> bytes)
        {
            _length += bytes.Length;
            while (!bytes.IsEmpty)
            {
                if (_pieces.Count == 0 || _lastUsed == PieceSize)
                {
                    _pieces.Add(ArrayPool<byte>.Shared.Rent(PieceSize));
                    _lastUsed = 0;
                }
                var room = Math.Min(PieceSize - _lastUsed, bytes.Length);
                bytes[..room].CopyTo(_pieces[^1].AsSpan(_lastUsed));
                _lastUsed += room;
                bytes = bytes[room..];
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) Release();
            base.Dispose(disposing);
        }
    }
}
