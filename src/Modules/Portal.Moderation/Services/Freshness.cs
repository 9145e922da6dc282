using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Mail;
using Portal.Core.Settings;
using Portal.Directory;

namespace Portal.Moderation.Services;

/// <summary>
/// "Still accurate": records that an entry was checked, on its latest and published versions, without a new version
/// (nothing in it changed), with an audit row and a journal entry so that search and map show the new date. The entry
/// keeps only the date and who checked as the public may know it (<see cref="Verification"/>); the account is in the
/// audit row.
/// </summary>
public sealed class VerificationRecorder(IContentManager contentManager, TimeProvider clock)
{
    public async Task RecordAsync(string contentItemId, string? userId, string userName, string by)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await contentManager.ChangeMetadataAsync(contentItemId, ModerationAudit.Verified, row => Verification.Stamp(row, now, by),
            $"{DirectoryTypes.EntryPart}.{Verification.DateField}", new AuditNote(UserId: userId, UserName: userName));
    }
}

/// <summary>Signed, expiring links of the reminders: "still accurate" for one item and one partner.</summary>
public sealed class VerificationTokens(IDataProtectionProvider provider)
{
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("Portal.Moderation.Verification").ToTimeLimitedDataProtector();
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(60);

    public string Create(string contentItemId, string userId) => _protector.Protect($"{contentItemId}|{userId}", Lifetime);

    public (string ContentItemId, string UserId)? Read(string token)
    {
        try
        {
            return _protector.Unprotect(token).Split('|') is [var id, var user] ? (id, user) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

public sealed record StaleItem(ContentItem Item, DateTime Since, int Months, string? Territory);

/// <summary>
/// The freshness loop (mise à jour du recensement): published entries not verified for N months (site setting
/// FreshnessMonths, 12 by default); once a day their partners get a reminder with one-click links, at most once a month
/// per entry and partner.
/// </summary>
public sealed class FreshnessService(
    PortalDbContext db, Settings.FreshnessSettingsStore freshness, PartnerScope partners, VerificationTokens tokens, IMailQueue queue, PublicUrl site, AuditTrail audit,
    TimeProvider clock, Portal.Core.Localization.Cultures cultures, IStringLocalizer<FreshnessService> T, ILogger<FreshnessService> logger)
{
    public static readonly TimeSpan ReminderInterval = TimeSpan.FromDays(30);

    public async Task<List<StaleItem>> StaleAsync()
    {
        var months = (await freshness.GetAsync()).FreshnessMonths;
        var now = clock.GetUtcNow().UtcDateTime;
        var limit = now.AddMonths(-months);
        var items = await db.ContentItems.AsNoTracking().Where(i => i.Published && DirectoryTypes.All.Contains(i.ContentType)).ToListAsync();
        var stale = new List<StaleItem>();
        foreach (var item in items)
        {
            var since = VerifiedOn(item);
            if (since >= limit) continue;
            var territory = item.Part(item.ContentType)?["Territory"]?["Terms"]?[0]?.GetValue<string>() ?? item.Part("AddressPart")?["Commune"]?["Text"]?.GetValue<string>();
            stale.Add(new StaleItem(item, since, (now.Year - since.Year) * 12 + now.Month - since.Month, territory));
        }
        return stale.OrderBy(s => s.Since).ToList();
    }

    public static DateTime VerifiedOn(ContentItem item) =>
        item.Field(DirectoryTypes.EntryPart, "LastVerified")?["Value"]?.GetValue<string>() is { } text
        && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? date : item.PublishedUtc ?? item.ModifiedUtc;

    /// <summary>Sends the reminders due now; returns how many were queued.</summary>
    public async Task<int> RemindAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sent = 0;
        foreach (var stale in await StaleAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var item = stale.Item;
            var recent = await db.AuditEntries.Where(a => a.ContentItemId == item.ContentItemId && a.Action == ModerationAudit.Reminded && a.CreatedUtc > now - ReminderInterval)
                .Select(a => a.UserId).ToListAsync(cancellationToken);
            foreach (var partner in await partners.PartnersOfAsync(item))
            {
                if (recent.Contains(partner.Id)) continue;
                var culture = partner.Culture ?? "fr";
                var verify = $"{site.Base}/{culture}/verification/{Uri.EscapeDataString(tokens.Create(item.ContentItemId, partner.Id))}";
                var update = $"{site.Base}/{culture}/{PartnerRoutes.Segment(culture)}/{item.ContentItemId}";
                queue.Enqueue(cultures.In(culture, () => new OutgoingMail(partner.Email,
                    T["Is this still accurate? {0}", item.DisplayText],
                    T["The directory shows {0} as checked on {1:d}, {2} months ago.\n\nStill accurate? One click records it: {3}\n\nSomething changed? Update it: {4}\n\nThe links are valid for 60 days.", item.DisplayText, stale.Since, stale.Months, verify, update],
                    culture, partner.Name)));
                audit.Note(item, ModerationAudit.Reminded, state: null, new AuditNote(UserId: partner.Id, UserName: "system", Contact: partner.Email));
                sent++;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        if (sent > 0) logger.LogInformation("Freshness: {Count} reminders queued", sent);
        return sent;
    }
}

/// <summary>Runs the reminders once a day (first an hour after start), in a scope of its own.</summary>
public sealed class FreshnessJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<FreshnessJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try { await Task.Delay(TimeSpan.FromHours(1), clock, stoppingToken); } catch (OperationCanceledException) { return; }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<FreshnessService>().RemindAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The freshness reminders failed; they are tried again tomorrow.");
            }
            try { await Task.Delay(TimeSpan.FromDays(1), clock, stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }
}
