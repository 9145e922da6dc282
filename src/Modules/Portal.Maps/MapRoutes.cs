using Portal.Core.Localization;

namespace Portal.Maps;

/// <summary>The map page's address segment per culture (the default culture first; a culture not listed uses the default culture's segment).</summary>
public static class MapRoutes
{
    public const string Map = "map";

    public static readonly RouteTable Table = new RouteTable()
        .Add(Map, ("fr", "carte"), ("de", "karte"));
}
