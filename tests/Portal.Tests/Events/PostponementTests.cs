using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Events.Data;
using Portal.Events.Models;
using Portal.Events.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Events;

/// <summary>When the organiser postpones or moves a session, its registrants are told once, in their language, and the reminder follows the new date.</summary>
public sealed class PostponementTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static Task PublishAsync(PortalFactory factory, string id, Action<JsonObject> change) => factory.WithScopeAsync(async sp =>
    {
        var manager = sp.GetRequiredService<IContentManager>();
        var latest = (await manager.GetAsync(id, VersionOptions.Latest))!;
        var data = (JsonObject)latest.Data.DeepClone();
        change((JsonObject)data["Event"]!);
        (await manager.UpdateAsync(id, data, latest.ConcurrencyStamp, publish: true)).Succeeded.Should().BeTrue();
    });

    private static Task<Registration> RegisterAsync(PortalFactory factory, string email, string culture, bool confirm) => factory.WithScopeAsync(async sp =>
    {
        var e = EventReader.Read((await sp.GetRequiredService<IContentManager>().GetAsync("event-small"))!, "fr");
        var registrations = sp.GetRequiredService<EventRegistrations>();
        var r = await registrations.RegisterAsync(e, e.Sessions[0], new RegistrationForm { Name = "Personne " + email, Email = email, Seats = 1, Consent = true }, culture);
        if (confirm) (await registrations.ConfirmAsync(r.Id, e)).Should().Be(RegistrationStatus.Confirmed);
        return r;
    });

    private static async Task<int> CountAsync(PortalFactory factory, string to, string subjectStart) =>
        (await RegistrationTests.MailsAsync(factory, to)).Count(m => m.Subject.StartsWith(subjectStart, StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Postponing_then_moving_a_session_tells_each_registrant_once_in_their_language_and_moves_the_reminder(string provider)
    {
        using var site = EventsSite.On(provider);
        await RegisterAsync(site.Factory, "anne@example.org", "fr", confirm: true);
        await RegisterAsync(site.Factory, "bernd@example.org", "de", confirm: true);
        await RegisterAsync(site.Factory, "pending@example.org", "fr", confirm: false);

        await PublishAsync(site.Factory, "event-small", e => e["Status"] = new JsonObject { ["Text"] = "postponed" });
        (await CountAsync(site.Factory, "anne@example.org", "Événement reporté")).Should().Be(1);
        (await CountAsync(site.Factory, "bernd@example.org", "Veranstaltung verschoben")).Should().Be(1);
        (await RegistrationTests.MailsAsync(site.Factory, "pending@example.org")).Should().HaveCount(1, "an unconfirmed address gets nothing but its confirmation link");

        // Published again while still postponed: nobody is told twice.
        await PublishAsync(site.Factory, "event-small", e => e["Summary"] = new JsonObject { ["Text"] = "Reporté : nouvelle date bientôt." });
        (await CountAsync(site.Factory, "anne@example.org", "Événement reporté")).Should().Be(1);

        // The new date (the 22nd instead of the 15th): on again, told once with both dates, the reminder before the new date.
        await PublishAsync(site.Factory, "event-small", e =>
        {
            e["Status"] = new JsonObject { ["Text"] = "scheduled" };
            e["Sessions"] = new JsonObject { ["Sessions"] = new JsonArray(new JsonObject { ["Start"] = "2027-03-22T10:00", ["End"] = "2027-03-22T12:00" }) };
        });
        var moved = (await RegistrationTests.MailsAsync(site.Factory, "anne@example.org")).Where(m => m.Subject.StartsWith("Nouvelle date", StringComparison.Ordinal)).Should().ContainSingle().Subject;
        moved.Body.Should().Contain("15 mars 2027").And.Contain("22 mars 2027").And.Contain("https://visio.example.org/secret-kitchen-7", "a confirmed registrant gets the link");
        (await CountAsync(site.Factory, "bernd@example.org", "Neuer Termin")).Should().Be(1);
        var stored = await site.Factory.WithScopeAsync(sp => sp.GetRequiredService<EventsDbContext>().Registrations.AsNoTracking().ToListAsync());
        stored.Should().OnlyContain(r => r.SessionStartUtc == new DateTime(2027, 3, 22, 9, 0, 0, DateTimeKind.Utc) && r.PostponedNoticeUtc == null);
        await PublishAsync(site.Factory, "event-small", e => e["Summary"] = new JsonObject { ["Text"] = "Nouvelle date fixée." });
        (await CountAsync(site.Factory, "anne@example.org", "Nouvelle date")).Should().Be(1, "an unchanged date is not told again");

        Task<int> Remind() => site.Factory.WithScopeAsync(sp => sp.GetRequiredService<RegistrationJobs>().RemindAsync());
        site.Clock.Now = new DateTimeOffset(2027, 3, 14, 12, 0, 0, TimeSpan.Zero);
        (await Remind()).Should().Be(0, "the old date no longer counts");
        site.Clock.Now = new DateTimeOffset(2027, 3, 20, 12, 0, 0, TimeSpan.Zero);
        (await Remind()).Should().Be(2);
    }
}
