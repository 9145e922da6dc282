using Portal.Core.Localization;

namespace Portal.Publishing;

/// <summary>The news list's and the site map's address segments per culture (the default culture first; a culture not listed uses the default culture's segment).</summary>
public static class PublishingRoutes
{
    public const string News = "news";
    public const string SiteMap = "site-map";

    public static readonly RouteTable Table = new RouteTable()
        .Add(News, ("fr", "actualites"), ("de", "aktuelles"))
        .Add(SiteMap, ("fr", "plan-du-site"), ("de", "seitenuebersicht"));
}
