using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Localization;
using Portal.Core.Mail;
using Portal.Network.Data;
using Portal.Network.Models;

namespace Portal.Network.Services;

/// <summary>
/// A member writes to another: the message goes by mail through the outbox to the recipient, with the sender's address
/// as reply-to only; neither address is ever shown on the site. A sender may send <see cref="NetworkOptions.ContactsPerDay"/> a day.
/// </summary>
public sealed class ContactRelay(NetworkDbContext network, PortalDbContext db, IMailQueue mails, PublicUrl site, Cultures cultures,
    TimeProvider clock, IOptions<NetworkOptions> options, IStringLocalizer<ContactRelay> T)
{
    public async Task<bool> LimitReachedAsync(Professional sender)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        return await network.Contacts.CountAsync(c => c.SenderId == sender.Id && c.SentUtc > since) >= options.Value.ContactsPerDay;
    }

    public async Task SendAsync(Professional sender, Professional recipient, ContactForm form)
    {
        await using var transaction = await network.BeginSharedTransactionAsync();
        network.Contacts.Add(new NetworkContact { Id = IdGenerator.New(), SenderId = sender.Id, RecipientId = recipient.Id, SentUtc = clock.GetUtcNow().UtcDateTime });
        var culture = cultures.OrDefault(recipient.Culture);
        mails.Enqueue(cultures.In(culture, () => new OutgoingMail(recipient.Email,
            T["Professionals' network: {0}", form.Subject!.Trim()],
            T["Hello {0},\n\n{1} ({2}, {3}) wrote to you through the professionals' network:\n\n{4}\n\nAnswer this message to write to them directly. Your address was not shown to them.\n\n{5}",
                recipient.Name, sender.Name, sender.JobTitle, sender.OrganisationName, form.Message!.Trim(), site.For(NetworkRoutes.PathOf(culture))],
            culture, recipient.Name, ReplyTo: sender.Email, ReplyToName: sender.Name)));
        await network.SaveChangesAsync();
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
