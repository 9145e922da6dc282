using Portal.Core.Localization;

namespace Portal.Directory;

/// <summary>The lists' address segments per culture, keyed by content type (the default culture first; a culture not listed uses the default culture's segment).</summary>
public static class DirectoryRouteTable
{
    public static readonly RouteTable Table = new RouteTable()
        .Add(DirectoryTypes.Actor, ("fr", "acteurs"), ("de", "akteure"))
        .Add(DirectoryTypes.Action, ("fr", "actions"), ("de", "angebote"))
        .Add(DirectoryTypes.AidantSupport, ("fr", "aidants"), ("de", "angehoerige"));
}
