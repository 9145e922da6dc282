using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Localization;
using Portal.Core.Mail;
using Portal.Newsletter.Data;
using Portal.Newsletter.Models;

namespace Portal.Newsletter.Services;

/// <summary>
/// Sign-up with double opt-in, confirmation, preferences and unsubscription. The answer to a sign-up never tells whether
/// the address was known: a new address gets a confirmation link, a pending one gets it again, a confirmed one a
/// reminder of its preferences link — only its owner's mailbox learns which.
/// </summary>
public sealed class Subscriptions(NewsletterDbContext newsletter, PortalDbContext db, IMailQueue mails, SubscriberLinks links, Cultures cultures,
    NewsletterSettingsStore settings, TimeProvider clock, IStringLocalizer<Subscriptions> T)
{
    /// <summary>At most one mail per address and hour from the sign-up form.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromHours(1);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task SignUpAsync(SignUpForm form)
    {
        var email = form.Email.Trim().ToLowerInvariant();
        await using var transaction = await newsletter.BeginSharedTransactionAsync();
        var subscriber = await newsletter.Subscribers.FirstOrDefaultAsync(s => s.Email == email);
        if (subscriber is null)
        {
            subscriber = new Subscriber
            {
                Id = Guid.NewGuid().ToString("N"), Email = email, Culture = form.Language, Audiences = NewsletterAudiences.Join(form.Audiences),
                Token = SubscriberLinks.NewToken(), CreatedUtc = Now,
            };
            newsletter.Subscribers.Add(subscriber);
            ConfirmationMail(subscriber, await DaysAsync());
        }
        else if (subscriber.LastMailUtc > Now - Quiet)
        {
            // Mailed less than an hour ago: a new sign-up of the same address sends nothing more (no mail bombing).
        }
        else if (subscriber.Status == SubscriberStatus.Pending)
        {
            // Not confirmed: what they ask now replaces what an earlier, unconfirmed sign-up asked.
            subscriber.Culture = form.Language;
            subscriber.Audiences = NewsletterAudiences.Join(form.Audiences);
            ConfirmationMail(subscriber, await DaysAsync());
        }
        else
            // Confirmed: a sign-up cannot change their choices (anyone may type an address), only remind them of their link.
            AlreadySubscribedMail(subscriber);
        if (subscriber.LastMailUtc is null || subscriber.LastMailUtc <= Now - Quiet) subscriber.LastMailUtc = Now;
        await newsletter.SaveChangesAsync();
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    public Task<Subscriber?> FindAsync(string? token) =>
        SubscriberLinks.LooksValid(token) ? newsletter.Subscribers.FirstOrDefaultAsync(s => s.Token == token) : Task.FromResult<Subscriber?>(null);

    /// <summary>Follows the confirmation link: true when the subscriber is confirmed (now or before).</summary>
    public async Task<Subscriber?> ConfirmAsync(string token)
    {
        var subscriber = await FindAsync(token);
        if (subscriber is null) return null;
        if (subscriber.Status == SubscriberStatus.Pending)
        {
            if (subscriber.CreatedUtc < Now.AddDays(-await DaysAsync())) return null;
            subscriber.Status = SubscriberStatus.Confirmed;
            subscriber.ConfirmedUtc = Now;
            await newsletter.SaveChangesAsync();
        }
        return subscriber;
    }

    public async Task<bool> UpdateAsync(string token, SignUpForm form)
    {
        var subscriber = await FindAsync(token);
        if (subscriber is null) return false;
        subscriber.Culture = form.Language;
        subscriber.Audiences = NewsletterAudiences.Join(form.Audiences);
        await newsletter.SaveChangesAsync();
        return true;
    }

    /// <summary>Deletes the subscriber and their address; editions being sent skip them. False when the token names nobody (already gone).</summary>
    public async Task<bool> UnsubscribeAsync(string? token) =>
        SubscriberLinks.LooksValid(token) && await newsletter.Subscribers.Where(s => s.Token == token).ExecuteDeleteAsync() > 0;

    /// <summary>The retention job: sign-ups never confirmed within the delay are deleted.</summary>
    public async Task<int> PurgeUnconfirmedAsync(CancellationToken cancellationToken = default)
    {
        var before = Now.AddDays(-await DaysAsync());
        return await newsletter.Subscribers.Where(s => s.Status == SubscriberStatus.Pending && s.CreatedUtc < before).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<int> DaysAsync() => (await settings.GetAsync()).NewsletterConfirmationDays;

    private void ConfirmationMail(Subscriber s, int days) => mails.Enqueue(cultures.In(s.Culture, () => new OutgoingMail(s.Email,
        T["Confirm your subscription to the newsletter"],
        T["Hello,\n\nSomeone, probably you, asked to receive the newsletter at this address. To confirm, follow this link within {0} days:\n{1}\n\nIf you did not ask for it, ignore this message: you will receive nothing and the address will be deleted.", days, links.Confirm(s)],
        s.Culture)));

    private void AlreadySubscribedMail(Subscriber s) => mails.Enqueue(cultures.In(s.Culture, () => new OutgoingMail(s.Email,
        T["You already receive the newsletter"],
        T["Hello,\n\nSomeone, probably you, asked to receive the newsletter at this address: you already receive it. To change its language or audiences, or to unsubscribe:\n{0}", links.Preferences(s)],
        s.Culture, UnsubscribeUrl: links.Unsubscribe(s))));
}
