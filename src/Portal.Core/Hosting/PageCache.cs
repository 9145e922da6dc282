using System.IO.Pipelines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;

namespace Portal.Core.Hosting;

/// <summary>
/// The output cache of what anonymous visitors read: public pages, the search and map APIs, feeds, open data and the
/// sitemap, kept in each node's memory, varied by culture and query, and evicted by <see cref="Tag"/> whenever the
/// content journal reports a change (each node follows the journal and evicts its own cache) or a module's derived
/// data (the search index) moves. <c>Portal:OutputCache:Enabled</c> (true) turns it off; <c>Portal:OutputCache:Seconds</c>
/// (120) bounds how long an answer is kept when nothing changes (dates such as "printed on" move with the clock).
/// What is never cached is decided by <see cref="PublicAnswerPolicy"/>.
/// </summary>
public sealed class PageCache(PageCacheOptions options, IServiceProvider services)
{
    public const string EnabledSetting = "Portal:OutputCache:Enabled";
    public const string SecondsSetting = "Portal:OutputCache:Seconds";

    /// <summary>The tag every cached answer carries: they all show content, settings or labels.</summary>
    public const string Tag = "portal-public";

    private long _generation;

    public bool Enabled => options.Enabled;

    /// <summary>
    /// Part of every cache key, raised by each eviction: an answer still being rendered from the data before a change
    /// is stored under the old generation, where no request looks any more.
    /// </summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Forgets every cached answer of this node (a change was published, a setting or a vocabulary changed).</summary>
    public ValueTask EvictAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Enabled) return ValueTask.CompletedTask;
        Interlocked.Increment(ref _generation);
        return services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(Tag, cancellationToken);
    }
}

/// <summary>Whether the page cache is on, and how long it keeps an answer.</summary>
public sealed record PageCacheOptions(bool Enabled, TimeSpan Duration);

public static class PageCacheExtensions
{
    /// <summary>Registers the cache; returns the interceptor that tells this node of its own journal writes (for its DbContext).</summary>
    public static PageCacheWrites AddPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        var seconds = configuration.GetValue(PageCache.SecondsSetting, 120);
        if (seconds < 1) throw new PortalConfigurationException($"{PageCache.SecondsSetting} must be at least 1 (it is {seconds}).");
        var options = new PageCacheOptions(configuration.GetValue(PageCache.EnabledSetting, true), TimeSpan.FromSeconds(seconds));
        services.AddSingleton(options);
        services.AddSingleton<PageCache>();
        services.AddContentJournalObserver<PageCacheJournalObserver>();
        services.AddOutputCache(o =>
        {
            o.AddBasePolicy(new PublicAnswerPolicy(options.Duration));
            o.MaximumBodySize = 16 * 1024 * 1024;
            // /FR/Acteurs is not /fr/acteurs: the canonical address middleware, after the cache, redirects the first.
            o.UseCaseSensitivePaths = true;
            o.SizeLimit = 256L * 1024 * 1024;
        });
        var writes = new PageCacheWrites();
        services.AddSingleton(writes);
        return writes;
    }

    /// <summary>
    /// Inside HEAD, after routing, CORS and the rate limiter, before localization and authentication: a
    /// replay needs neither. Who asks still decides: a request with a cookie other than the antiforgery one, or with
    /// credentials, is never answered from the cache, and an answer is stored only if it was rendered for nobody signed in.
    /// </summary>
    public static IApplicationBuilder UsePageCache(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<PageCacheOptions>().Enabled) return app;
        var cache = app.ApplicationServices.GetRequiredService<PageCache>();
        app.ApplicationServices.GetRequiredService<PageCacheWrites>().Committed += () => cache.EvictAsync();
        // A form this node accepted (a setting, a term, a registration) may change what pages show: forgotten at once here.
        app.Use(async (context, next) =>
        {
            await next(context);
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
                && context.Response.StatusCode < 400)
                await cache.EvictAsync(CancellationToken.None);
        });
        // The cache flushes what it watched when the rest of the pipeline returns; an answer with no body yet (a 404
        // from an endpoint) must stay unstarted for the error pages, further out, to write into it.
        app.Use(DeferredStart.InvokeAsync);
        // Compressed inside the cache (UseAnswerCompression, next): an answer is compressed once, when it is rendered,
        // and stored per encoding (PublicAnswerPolicy varies by it).
        app.UseOutputCache();
        return app;
    }
}

/// <summary>Every node's own eviction: a change any node committed to the content journal (content, settings, definitions, vocabularies).</summary>
public sealed class PageCacheJournalObserver(PageCache cache) : Content.IContentJournalObserver
{
    public async Task OnChangesAsync(IReadOnlyList<Content.ContentChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count > 0) await cache.EvictAsync(cancellationToken);
    }
}

/// <summary>
/// A response body that starts nothing before its first byte: flushes, <c>StartAsync</c> and <c>CompleteAsync</c> of an
/// answer nothing was written to are left for later, so the middleware further out can still write into it (the error
/// pages re-execute into an endpoint's empty 404); the server completes it when the request ends. What is written goes
/// straight to the server's own writer: no copy, no splitting into smaller writes.
/// </summary>
internal sealed class DeferredStart(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
{
    private readonly IHttpResponseBodyFeature _inner = inner;
    private bool _written;
    private PipeWriter? _writer;
    private Stream? _stream;

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        context.Features.Set<IHttpResponseBodyFeature>(new DeferredStart(original));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(original);
        }
    }

    public Stream Stream => _stream ??= new BodyStream(this);
    public PipeWriter Writer => _writer ??= new BodyWriter(this);

    public void DisableBuffering() => _inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => _written ? _inner.StartAsync(cancellationToken) : Task.CompletedTask;

    public Task CompleteAsync() => _written ? _inner.CompleteAsync() : Task.CompletedTask;

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        _written = true;
        return _inner.SendFileAsync(path, offset, count, cancellationToken);
    }

    private sealed class BodyWriter(DeferredStart body) : PipeWriter
    {
        private PipeWriter Inner => body._inner.Writer;

        public override void Advance(int bytes)
        {
            if (bytes > 0) body._written = true;
            Inner.Advance(bytes);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => Inner.GetMemory(sizeHint);
        public override Span<byte> GetSpan(int sizeHint = 0) => Inner.GetSpan(sizeHint);
        public override void CancelPendingFlush() => Inner.CancelPendingFlush();
        public override void Complete(Exception? exception = null) { if (body._written || exception is not null) Inner.Complete(exception); }
        public override ValueTask CompleteAsync(Exception? exception = null) => body._written || exception is not null ? Inner.CompleteAsync(exception) : ValueTask.CompletedTask;

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) =>
            body._written ? Inner.FlushAsync(cancellationToken) : new ValueTask<FlushResult>(new FlushResult(false, false));

        public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
        {
            if (source.Length > 0) body._written = true;
            return Inner.WriteAsync(source, cancellationToken);
        }

        public override bool CanGetUnflushedBytes => Inner.CanGetUnflushedBytes;
        public override long UnflushedBytes => Inner.UnflushedBytes;
    }

    private sealed class BodyStream(DeferredStart body) : HeldResponseStream(body._inner.Stream)
    {
        protected override bool Holding => !body._written;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (buffer.Length > 0) body._written = true;
            return Inner.WriteAsync(buffer, cancellationToken);
        }
    }
}
