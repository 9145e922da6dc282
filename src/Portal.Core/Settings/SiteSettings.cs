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

    public string SiteNameFor(string culture) => culture == "de" && !string.IsNullOrEmpty(SiteNameDe) ? SiteNameDe : SiteName;
    public string? TaglineFor(string culture) => culture == "de" && !string.IsNullOrEmpty(TaglineDe) ? TaglineDe : Tagline;
}
