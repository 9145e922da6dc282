namespace Portal.Moderation.Services;

/// <summary>The audit actions of the editorial workflow besides its transitions' names.</summary>
public static class ModerationAudit
{
    public const string Verified = "Verified";
    public const string Reminded = "Reminded";
    public const string WithdrawalRequested = "WithdrawalRequested";
    public const string Proposed = "Proposed";
    /// <summary>The moderator linked a proposal naming a new organisation to an actor (an existing one, or one created from the name).</summary>
    public const string OrganisationLinked = "OrganisationLinked";
}
