using Portal.Core.Localization;

namespace Portal.Network;

/// <summary>The module's address segments per culture and its vocabularies.</summary>
public static class NetworkRoutes
{
    public const string Network = "network";
    public const string Apply = "network-apply";
    public const string Profile = "network-profile";
    public const string Contact = "network-contact";
    public const string Invite = "network-invite";
    public const string Details = "network-details";
    public const string Delete = "network-delete";

    public const string ExpertiseVocabulary = "network-expertise";
    public const string SideVocabulary = "network-sides";
    public const string LanguageVocabulary = "network-languages";

    public static readonly RouteTable Table = new RouteTable()
        .Add(Network, ("fr", "reseau"), ("de", "netzwerk"))
        .Add(Apply, ("fr", "adherer"), ("de", "beitreten"))
        .Add(Profile, ("fr", "mon-profil"), ("de", "mein-profil"))
        .Add(Contact, ("fr", "ecrire"), ("de", "schreiben"))
        .Add(Invite, ("fr", "inviter"), ("de", "einladen"))
        .Add(Details, ("fr", "orientation"), ("de", "vermittlung"))
        .Add(Delete, ("fr", "supprimer"), ("de", "loeschen"));

    public static string PathOf(string culture) => Table.Path(Network, culture);

    public static string PathOf(string key, string culture) => $"{Table.Path(Network, culture)}/{Table.Segment(key, culture)}";
}
