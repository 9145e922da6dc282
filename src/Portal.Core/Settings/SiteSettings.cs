using System.Text.Json.Serialization;
using Portal.Core.Localization;

namespace Portal.Core.Settings;

/// <summary>What a département's recipe sets to brand and run its site.</summary>
public sealed class SiteSettings : IJsonOnDeserialized
{
    public LocalizedText SiteName { get; set; } = "Portal";
    public LocalizedText Tagline { get; set; } = LocalizedText.Empty;
    /// <summary>What the home page suggests searching ("répit, natation adaptée, Saint-Denis"): words that find something on this site.</summary>
    public LocalizedText SearchExamples { get; set; } = LocalizedText.Empty;
    public string DefaultCulture { get; set; } = "fr";
    public List<string> SupportedCultures { get; set; } = ["fr", "de"];
    public string? ContactEmail { get; set; }
    public string PrimaryColor { get; set; } = "#1f4e8c";
    public string AccentColor { get; set; } = "#b34700";
    public string? LogoUrl { get; set; }
    public int PageSize { get; set; } = 20;

    public string SiteNameFor(string culture, Cultures cultures) => SiteName.For(culture, cultures);
    public string? TaglineFor(string culture, Cultures cultures) => Tagline.ForOrNull(culture, cultures);
    public string? SearchExamplesFor(string culture, Cultures cultures) => SearchExamples.ForOrNull(culture, cultures);

    /// <summary>The old shape's German siblings ("SiteNameDe", "TaglineDe"), read only.</summary>
    public static readonly IReadOnlyList<string> LegacyKeys = ["SiteNameDe", "TaglineDe"];

    [JsonInclude, JsonPropertyName("SiteNameDe")]
    private string? LegacySiteNameDe { get => null; set => _legacySiteNameDe = value; }
    [JsonInclude, JsonPropertyName("TaglineDe")]
    private string? LegacyTaglineDe { get => null; set => _legacyTaglineDe = value; }
    private string? _legacySiteNameDe, _legacyTaglineDe;

    void IJsonOnDeserialized.OnDeserialized()
    {
        SiteName = LegacyLabels.Pair(SiteName, _legacySiteNameDe);
        Tagline = LegacyLabels.Pair(Tagline, _legacyTaglineDe);
    }
}
