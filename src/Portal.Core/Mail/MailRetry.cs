namespace Portal.Core.Mail;

/// <summary>
/// A message is never dropped for a server that is down for a while: tried again after 1 minute, doubling up to once
/// an hour, for at least 72 hours; only then is it marked failed, for an administrator to resend or discard.
/// </summary>
public static class MailRetry
{
    public static readonly TimeSpan First = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Cap = TimeSpan.FromHours(1);
    public static readonly TimeSpan Window = TimeSpan.FromHours(72);

    /// <summary>The wait after failed attempt <paramref name="attempts"/> (1, 2, …); null once the attempts already span the window.</summary>
    public static TimeSpan? Delay(int attempts)
    {
        var waited = TimeSpan.Zero;
        for (var attempt = 1; attempt < attempts; attempt++) waited += Step(attempt);
        return waited >= Window ? null : Step(attempts);
    }

    private static TimeSpan Step(int attempt) =>
        attempt >= 7 ? Cap : TimeSpan.FromTicks(Math.Min(Cap.Ticks, First.Ticks << (attempt - 1)));
}
