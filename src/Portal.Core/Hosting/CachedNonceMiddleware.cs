using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Portal.Core.Hosting;

/// <summary>
/// Just outside the page cache: an answer replayed from the cache carries the policy and the nonce of the request
/// that rendered it. This gives it this request's nonce instead, in the Content-Security-Policy header and in the
/// body, so a nonce is never sent twice. A fresh answer (its policy already holds this request's nonce) passes through, and
/// so does the body of anything but a page (only pages carry nonces in their bodies).
/// </summary>
public sealed class CachedNonceMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var nonce = SecurityHeaders.NonceOf(context);
        if (nonce.Length == 0 || !PublicAnswerPolicy.Shareable(context))
        {
            await next(context);
            return;
        }
        // A 304 from the cache: the browser keeps the policy it stored with the body, whose nonce this request does not know.
        if (context.Request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.IfNoneMatch))
            context.Response.OnStarting(static state =>
            {
                var response = (HttpResponse)state;
                if (response.StatusCode == StatusCodes.Status304NotModified) response.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.ContentSecurityPolicy);
                return Task.CompletedTask;
            }, context.Response);
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        await using var body = new NonceStream(context.Response, original.Stream, nonce);
        var feature = new StreamResponseBodyFeature(body, original);
        context.Features.Set<IHttpResponseBodyFeature>(feature);
        try
        {
            await next(context);
            await feature.CompleteAsync();
            await body.FinishAsync(context.RequestAborted);
        }
        finally
        {
            context.Features.Set(original);
        }
    }

    /// <summary>The nonce named in a policy ("'nonce-…'"), or null.</summary>
    public static string? NonceIn(string policy)
    {
        var at = policy.IndexOf("'nonce-", StringComparison.Ordinal);
        if (at < 0) return null;
        at += "'nonce-".Length;
        var end = policy.IndexOf('\'', at);
        return end < 0 ? null : policy[at..end];
    }

    /// <summary>Decides at the first write (the headers are in place, nothing is sent yet): pass through, or hold and rewrite.</summary>
    private sealed class NonceStream(HttpResponse response, Stream inner, string nonce) : HeldResponseStream(inner)
    {
        private bool _decided;
        private byte[]? _old;
        private MemoryStream? _held;

        private void Decide()
        {
            if (_decided) return;
            _decided = true;
            var policy = response.Headers.ContentSecurityPolicy.ToString();
            var old = NonceIn(policy);
            if (old is null || old == nonce || old.Length != nonce.Length || response.HasStarted) return;
            response.Headers.ContentSecurityPolicy = policy.Replace(old, nonce, StringComparison.Ordinal);
            // Only pages carry nonces in their bodies (on their script and style elements): JSON, feeds and the rest pass through.
            if (response.ContentType is not { } type || !type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)) return;
            _old = Encoding.ASCII.GetBytes(old);
            _held = new MemoryStream(response.ContentLength is > 0 and < int.MaxValue ? (int)response.ContentLength.Value : 16 * 1024);
        }

        public async Task FinishAsync(CancellationToken cancellationToken)
        {
            Decide();
            if (_held is null || _old is null) return;
            var bytes = _held.GetBuffer().AsMemory(0, (int)_held.Length);
            var replacement = Encoding.ASCII.GetBytes(nonce);
            var span = bytes.Span;
            var from = 0;
            while (from < span.Length && span[from..].IndexOf(_old) is var at and >= 0)
            {
                replacement.CopyTo(span[(from + at)..]);
                from += at + replacement.Length;
            }
            await Inner.WriteAsync(bytes, cancellationToken);
            _held = null;
        }

        protected override bool Holding => _held is not null;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Decide();
            if (_held is null) return Inner.WriteAsync(buffer, cancellationToken);
            _held.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }
    }
}
