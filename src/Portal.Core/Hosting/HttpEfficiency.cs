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
        SHA256.HashData(buffer.Bytes, hash);
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

    /// <summary>Holds a response up to a limit to tag it; past the limit it writes through.</summary>
    private sealed class TagBuffer(Stream inner, int limit) : HeldResponseStream(inner)
    {
        private MemoryStream? _memory = new();

        public bool Overflowed => _memory is null;
        public ReadOnlySpan<byte> Bytes => _memory!.GetBuffer().AsSpan(0, (int)_memory.Length);

        public async Task FlushToAsync(IHttpResponseBodyFeature target, CancellationToken cancellationToken)
        {
            if (_memory is null || _memory.Length == 0) return;
            await target.Stream.WriteAsync(_memory.GetBuffer().AsMemory(0, (int)_memory.Length), cancellationToken);
            _memory.SetLength(0);
        }

        protected override bool Holding => _memory is not null;

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_memory is not null && _memory.Length + buffer.Length <= limit)
            {
                _memory.Write(buffer.Span);
                return;
            }
            if (_memory is not null)
            {
                // Too big to tag: send what was held, then write through.
                await Inner.WriteAsync(_memory.GetBuffer().AsMemory(0, (int)_memory.Length), cancellationToken);
                _memory = null;
            }
            await Inner.WriteAsync(buffer, cancellationToken);
        }
    }
}
