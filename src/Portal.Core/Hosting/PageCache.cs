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
    /// Inside HEAD and the outer compression (static files), after routing, CORS and the rate limiter, before localization and authentication: a
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
        app.UseOutputCache();
        // Compressed inside the cache: an answer is compressed once, when it is rendered, and stored per encoding
        // (PublicAnswerPolicy varies by it); the compression outside passes an encoded answer through.
        app.UseResponseCompression();
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
/// A response body whose flushes wait for its first byte: an answer nothing was written to stays unstarted for the
/// middleware further out (the error pages re-execute into it); the server completes it when the request ends.
/// </summary>
internal sealed class DeferredStart(Stream inner) : HeldResponseStream(inner)
{
    private bool _written;

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        var feature = new StreamResponseBodyFeature(new DeferredStart(original.Stream), original);
        context.Features.Set<IHttpResponseBodyFeature>(feature);
        try
        {
            await next(context);
            // What was written through the pipe writer reaches the response; with nothing written, nothing starts.
            await feature.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }
    }

    protected override bool Holding => !_written;

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length > 0) _written = true;
        return Inner.WriteAsync(buffer, cancellationToken);
    }
}
