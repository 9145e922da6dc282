using Portal.Core.Content;
using Portal.Core.Content.Parts;
using Portal.Core.Localization;

namespace Portal.Newsletter;

/// <summary>The module's address segments per culture: the newsletter's pages and the campaign pages.</summary>
public static class NewsletterRoutes
{
    public const string Newsletter = "newsletter";
    public const string SignUp = "newsletter-signup";
    public const string Review = "newsletter-review";
    public const string Confirm = "newsletter-confirm";
    public const string Preferences = "newsletter-preferences";
    public const string Unsubscribe = "newsletter-unsubscribe";
    public const string Campaigns = "campaigns";

    public static readonly RouteTable Table = new RouteTable()
        .Add(Newsletter, ("fr", "lettre-d-information"), ("de", "newsletter"))
        .Add(SignUp, ("fr", "inscription"), ("de", "anmeldung"))
        .Add(Review, ("fr", "verifier"), ("de", "pruefen"))
        .Add(Confirm, ("fr", "confirmer"), ("de", "bestaetigen"))
        .Add(Preferences, ("fr", "preferences"), ("de", "einstellungen"))
        .Add(Unsubscribe, ("fr", "desinscription"), ("de", "abmelden"))
        .Add(Campaigns, ("fr", "campagne"), ("de", "kampagne"));

    /// <summary>/fr/lettre-d-information, or a page below it (/fr/lettre-d-information/inscription).</summary>
    public static string PathOf(string culture, string? below = null) =>
        below is null ? Table.Path(Newsletter, culture) : $"{Table.Path(Newsletter, culture)}/{Table.Segment(below, culture)}";
}

/// <summary>A campaign page lives below /fr/campagne, /de/kampagne.</summary>
public sealed class CampaignRoutes : IAutoroutePrefix
{
    public string? PrefixFor(ContentItem item) => item.ContentType == CampaignTypes.Campaign ? NewsletterRoutes.Table.Segment(NewsletterRoutes.Campaigns, item.Culture) : null;
}
