namespace Portal.Moderation.Services;

/// <summary>The audit actions of the editorial workflow besides its transitions' names.</summary>
public static class ModerationAudit
{
    public const string Verified = "Verified";
    public const string Reminded = "Reminded";
    public const string WithdrawalRequested = "WithdrawalRequested";
    public const string Proposed = "Proposed";
}
