using Portal.Core.Settings;

namespace Portal.Moderation.Settings;

/// <summary>When a directory entry is stale: the moderation module's own setting, set by a recipe's Settings step.</summary>
public sealed class FreshnessSettings
{
    /// <summary>After how many months without a verification a directory entry is stale and its partner reminded.</summary>
    public int FreshnessMonths { get; set; } = 12;
}

/// <summary>The freshness settings, stored under <c>FreshnessSettings</c>.</summary>
public sealed class FreshnessSettingsStore(IDocumentStore documents) : ModuleSettings<FreshnessSettings>(documents)
{
    protected override string DocumentKey => "FreshnessSettings";

    protected override string? Validate(FreshnessSettings settings) =>
        settings.FreshnessMonths is < 1 or > 120 ? "FreshnessMonths must be a number of months from 1 to 120." : null;
}
