using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;

namespace Portal.Users.Services;

/// <summary>How many events a key may have before each further one waits, the first wait (doubled each time), its cap, and when a quiet key is forgotten.</summary>
public sealed record ThrottlePolicy(string Name, int Free, TimeSpan First, TimeSpan Cap, TimeSpan Forget)
{
    /// <summary>Wrong passwords or codes for one account: three free, then 2, 4, 8 … seconds, at most 15 minutes.</summary>
    public static readonly ThrottlePolicy Account = new("account", 3, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(15), TimeSpan.FromDays(1));

    /// <summary>Wrong passwords or codes from one address (offices share one): ten free, then the same growth.</summary>
    public static readonly ThrottlePolicy Address = new("address", 10, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(15), TimeSpan.FromDays(1));

    /// <summary>Password-reset messages asked for one e-mail address: three, then 1, 2, 4 … minutes, at most an hour.</summary>
    public static readonly ThrottlePolicy ResetMail = new("reset-mail", 3, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1));

    /// <summary>Password-reset requests from one address.</summary>
    public static readonly ThrottlePolicy ResetAddress = new("reset-address", 5, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1));

    public TimeSpan DelayAfter(int events)
    {
        if (events < Free) return TimeSpan.Zero;
        var doublings = Math.Min(events - Free, 30);
        var delay = First * Math.Pow(2, doublings);
        return delay < Cap ? delay : Cap;
    }
}

/// <summary>One counted thing: an account (by its normalized e-mail, whether it exists or not) or a client address.</summary>
public readonly record struct ThrottleKey(ThrottlePolicy Policy, string Value)
{
    public static ThrottleKey Account(string? email, ThrottlePolicy? policy = null) =>
        new(policy ?? ThrottlePolicy.Account, (email ?? "").Trim().ToUpperInvariant());

    public static ThrottleKey Address(HttpContext context, ThrottlePolicy? policy = null) =>
        new(policy ?? ThrottlePolicy.Address, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}

/// <summary>
/// Growing delays instead of a lockout: after a few failures, each further attempt on the same account or from the same
/// address must wait, doubling up to a cap; attempts made during the wait are refused without being checked and do not
/// lengthen it, so nobody can keep an account locked longer than the cap. Counters live in this node's memory (bounded,
/// forgotten after a quiet day): behind a load balancer each node counts on its own.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock) : IDisposable
{
    private sealed class Counter
    {
        public int Events;
        public DateTimeOffset Last;
        public DateTimeOffset NotBefore;
    }

    private readonly MemoryCache _counters = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    /// <summary>How long the caller must still wait before an attempt on these keys is checked; zero when it may go ahead.</summary>
    public TimeSpan Wait(params ThrottleKey[] keys)
    {
        var now = clock.GetUtcNow();
        var wait = TimeSpan.Zero;
        foreach (var key in keys)
            if (_counters.TryGetValue(Id(key), out Counter? counter) && counter is not null)
                lock (counter)
                    if (now - counter.Last < key.Policy.Forget && counter.NotBefore - now > wait) wait = counter.NotBefore - now;
        return wait;
    }

    /// <summary>Counts a failed attempt (or a request, for policies that count requests) on each key.</summary>
    public void Record(params ThrottleKey[] keys)
    {
        var now = clock.GetUtcNow();
        foreach (var key in keys)
        {
            var counter = _counters.GetOrCreate(Id(key), entry =>
            {
                entry.Size = 1;
                entry.SlidingExpiration = key.Policy.Forget;
                return new Counter();
            })!;
            lock (counter)
            {
                if (now - counter.Last >= key.Policy.Forget) counter.Events = 0;
                counter.Events++;
                counter.Last = now;
                counter.NotBefore = now + key.Policy.DelayAfter(counter.Events);
            }
        }
    }

    /// <summary>A wait as the whole minutes to tell the person (at least one).</summary>
    public static int Minutes(TimeSpan wait) => (int)Math.Ceiling(Math.Max(wait.TotalMinutes, 1));

    /// <summary>A successful sign-in forgets the account's failures.</summary>
    public void Reset(ThrottleKey key) => _counters.Remove(Id(key));

    private static string Id(ThrottleKey key) => key.Policy.Name + "\n" + key.Value;

    public void Dispose() => _counters.Dispose();
}
