using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Portal.Maps;

/// <summary>
/// What a map needs, as the lazy loader (map-loader.js) reads it from the map element: fingerprinted addresses of
/// Leaflet's stylesheets and scripts, then the page's own map script, fetched only when the map comes into view.
/// </summary>
public static class MapAssets
{
    public const string Loader = "/_content/Portal.Maps/map-loader.js";
    private const string Lib = "/_content/Portal.Maps/lib/";

    public static string Styles(IFileVersionProvider versions, PathString pathBase, bool clusters) =>
        Join(versions, pathBase, clusters
            ? [Lib + "leaflet/leaflet.css", Lib + "leaflet.markercluster/MarkerCluster.css", Lib + "leaflet.markercluster/MarkerCluster.Default.css"]
            : [Lib + "leaflet/leaflet.css"]);

    /// <param name="pageScript">The page's map script, run once Leaflet is there (map.js, small-maps.js).</param>
    public static string Scripts(IFileVersionProvider versions, PathString pathBase, bool clusters, string pageScript) =>
        Join(versions, pathBase, clusters
            ? [Lib + "leaflet/leaflet.js", Lib + "leaflet.markercluster/leaflet.markercluster.js", pageScript]
            : [Lib + "leaflet/leaflet.js", pageScript]);

    private static string Join(IFileVersionProvider versions, PathString pathBase, string[] paths) =>
        string.Join(' ', paths.Select(p => versions.AddFileVersionToPath(pathBase, p)));
}
