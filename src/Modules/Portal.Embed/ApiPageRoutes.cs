using Portal.Core.Localization;

namespace Portal.Embed;

/// <summary>The "Données et API / Daten und API" page's address segment per culture.</summary>
public static class ApiPageRoutes
{
    public const string ApiPage = "data-and-api";

    public static readonly RouteTable Table = new RouteTable()
        .Add(ApiPage, ("fr", "donnees-et-api"), ("de", "daten-und-api"));
}
