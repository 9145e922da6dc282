namespace Portal.Core.Settings;

/// <summary>What a département's recipe sets to brand and run its site.</summary>
public sealed class SiteSettings
{
    public string SiteName { get; set; } = "Portal";
    public string? SiteNameDe { get; set; }
    public string? Tagline { get; set; }
    public string? TaglineDe { get; set; }
    public string DefaultCulture { get; set; } = "fr";
    public List<string> SupportedCultures { get; set; } = ["fr", "de"];
    public string? ContactEmail { get; set; }
    public string PrimaryColor { get; set; } = "#1f4e8c";
    public string AccentColor { get; set; } = "#b34700";
    public string? LogoUrl { get; set; }
    public int PageSize { get; set; } = 20;
    /// <summary>The map tiles: an XYZ URL template with {z}, {x}, {y} (and optionally {s}), https only.</summary>
    public string MapTileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    /// <summary>The tiles' attribution, plain text with an optional link written as its URL; required by most tile providers.</summary>
    public string MapAttribution { get; set; } = "© OpenStreetMap contributors";
    public string MapAttributionUrl { get; set; } = "https://www.openstreetmap.org/copyright";
    /// <summary>Where the map opens: [latitude, longitude, zoom].</summary>
    public List<double> MapCenter { get; set; } = [49.1, 6.4, 8];
    /// <summary>After how many months without a verification a directory entry is stale and its partner reminded.</summary>
    public int FreshnessMonths { get; set; } = 12;

    public string SiteNameFor(string culture) => culture == "de" && !string.IsNullOrEmpty(SiteNameDe) ? SiteNameDe : SiteName;
    public string? TaglineFor(string culture) => culture == "de" && !string.IsNullOrEmpty(TaglineDe) ? TaglineDe : Tagline;
}
