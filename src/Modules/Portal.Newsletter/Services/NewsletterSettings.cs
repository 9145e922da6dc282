using Portal.Core.Settings;

namespace Portal.Newsletter.Services;

/// <summary>How editions go out and how long an unconfirmed sign-up is kept: the module's own settings, set by a recipe's Settings step.</summary>
public sealed class NewsletterSettings
{
    /// <summary>Mails handed to the outbox per batch.</summary>
    public int NewsletterBatchSize { get; set; } = 200;
    /// <summary>Seconds between two batches: with the batch size, the sending rate.</summary>
    public int NewsletterBatchIntervalSeconds { get; set; } = 60;
    /// <summary>Days to follow the confirmation link; an unconfirmed sign-up is deleted after them.</summary>
    public int NewsletterConfirmationDays { get; set; } = 7;
}

/// <summary>The newsletter settings, stored under <c>NewsletterSettings</c>.</summary>
public sealed class NewsletterSettingsStore(IDocumentStore documents) : ModuleSettings<NewsletterSettings>(documents)
{
    protected override string DocumentKey => "NewsletterSettings";

    protected override string? Validate(NewsletterSettings settings) =>
        settings.NewsletterBatchSize is < 1 or > 10_000 ? "NewsletterBatchSize must be from 1 to 10000."
        : settings.NewsletterBatchIntervalSeconds is < 0 or > 86_400 ? "NewsletterBatchIntervalSeconds must be from 0 to 86400."
        : settings.NewsletterConfirmationDays is < 1 or > 90 ? "NewsletterConfirmationDays must be from 1 to 90."
        : null;
}
