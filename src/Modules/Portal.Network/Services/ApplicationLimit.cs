using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Portal.Network.Services;

/// <summary>
/// At most <see cref="NetworkOptions.ApplicationsPerHour"/> applications recorded per client address and hour. Only an
/// application about to be recorded takes a permit: a form sent back with errors and corrected does not use one up.
/// </summary>
public sealed class ApplicationLimit(IOptions<NetworkOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.ApplicationsPerHour), Window = TimeSpan.FromHours(1), QueueLimit = 0,
        }));

    /// <summary>True and a permit taken when the address may record one more application; otherwise false and the delay before it may.</summary>
    public bool TryTake(string address, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(address);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromHours(1);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
