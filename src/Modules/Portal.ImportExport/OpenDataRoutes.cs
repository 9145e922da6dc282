using Portal.Core.Localization;

namespace Portal.ImportExport;

/// <summary>The open-data page's address segment per culture (the default culture first; a culture not listed uses the default culture's segment).</summary>
public static class OpenDataRoutes
{
    public const string OpenData = "open-data";

    public static readonly RouteTable Table = new RouteTable()
        .Add(OpenData, ("fr", "donnees-ouvertes"), ("de", "offene-daten"));
}
