using Portal.Core.Localization;

namespace Portal.Moderation;

/// <summary>The partner space's and the proposal form's address segments per culture (the default culture first; a culture not listed uses the default culture's segment).</summary>
public static class ModerationRoutes
{
    public const string PartnerSpace = "partner-space";
    public const string New = "new";
    public const string Verify = "verify";
    public const string Withdraw = "withdraw";
    public const string Proposal = "proposal";
    public const string Organisations = "organisations";

    public static readonly RouteTable Table = new RouteTable()
        .Add(PartnerSpace, ("fr", "espace-partenaire"), ("de", "partnerbereich"))
        .Add(New, ("fr", "nouveau"), ("de", "neu"))
        .Add(Verify, ("fr", "verifier"), ("de", "pruefen"))
        .Add(Withdraw, ("fr", "retrait"), ("de", "rueckzug"))
        .Add(Proposal, ("fr", "proposer"), ("de", "vorschlagen"))
        .Add(Organisations, ("fr", "organisations"), ("de", "organisationen"));
}
