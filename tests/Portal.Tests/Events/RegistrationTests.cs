using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Mail;
using Portal.Events.Data;
using Portal.Events.Models;
using Portal.Events.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Events;

/// <summary>Registration: double opt-in, capacity under parallel confirmations, the waiting list, reminders, the organiser's cancellation, expiry and retention.</summary>
public sealed partial class RegistrationTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;
    private const string Workshop = "/fr/agenda/atelier-equilibre-au-printemps";

    internal static Task<List<OutgoingMail>> MailsAsync(PortalFactory factory, string? to = null) => factory.WithDbAsync(async db =>
        (await db.BackgroundTasks.AsNoTracking().Where(t => t.Name == MailQueue.TaskName).OrderBy(t => t.Id).Select(t => t.Payload).ToListAsync())
            .Select(p => JsonSerializer.Deserialize<OutgoingMail>(p)!).Where(m => to is null || m.To == to).ToList());

    [GeneratedRegex("http://localhost(/fr/agenda/inscription/[^\\s]+)")]
    private static partial Regex RegistrationLink();

    private static async Task<EventDetails> EventAsync(PortalFactory factory, string id) => await factory.WithScopeAsync(async sp =>
        EventReader.Read((await sp.GetRequiredService<IContentManager>().GetAsync(id))!, "fr"));

    private static Task<Registration> RegisterAsync(PortalFactory factory, string eventId, string email, int seats = 1, int session = 0) => factory.WithScopeAsync(async sp =>
    {
        var e = await EventAsync(factory, eventId);
        return await sp.GetRequiredService<EventRegistrations>().RegisterAsync(e, e.Sessions[session],
            new RegistrationForm { Name = "Personne " + email, Email = email, Seats = seats, Consent = true }, "fr");
    });

    private static Task<string> ConfirmAsync(PortalFactory factory, string eventId, string id) => factory.WithScopeAsync(async sp =>
        await sp.GetRequiredService<EventRegistrations>().ConfirmAsync(id, await EventAsync(factory, eventId)));

    private static Task<Dictionary<string, string>> StatusesAsync(PortalFactory factory) => factory.WithScopeAsync(async sp =>
        await sp.GetRequiredService<EventsDbContext>().Registrations.AsNoTracking().ToDictionaryAsync(r => r.Email, r => r.Status));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Register_then_follow_the_mailed_link_and_confirm_counts_the_seats_and_shows_nothing_publicly(string provider)
    {
        using var site = EventsSite.On(provider);
        using var client = site.Factory.CreateBrowser();
        var page = await client.GetStringAsync(Workshop);
        var fields = Browser.FormFields(page, Workshop + "/inscription")
            .Where(f => f.Key is "__RequestVerificationToken" or "Session").ToList();
        fields.AddRange([new("Name", "Jeanne Registrante"), new("Email", "jeanne.registrante@example.org"), new("Seats", "2"),
            new("NeedTerms", "lsf"), new("Needs", "Une place près de la porte"), new("Consent", "true")]);
        var posted = await client.PostAsync(Workshop + "/inscription", new FormUrlEncodedContent(fields));
        posted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await posted.Content.ReadAsStringAsync()).Should().Contain("jeanne.registrante@example.org");

        var mail = (await MailsAsync(site.Factory, "jeanne.registrante@example.org")).Should().ContainSingle().Subject;
        mail.Subject.Should().Contain("Confirmez votre inscription");
        var link = RegistrationLink().Match(mail.Body).Groups[1].Value;
        link.Should().NotBeEmpty();
        var (seats, _) = (await site.Factory.WithScopeAsync(sp => sp.GetRequiredService<EventRegistrations>().CountsAsync("event-1"))).GetValueOrDefault(0);
        seats.Should().Be(0, "a seat counts only once the address is confirmed");

        var own = await client.GetStringAsync(link);
        own.Should().Contain("Confirmer mon inscription").And.Contain("Annuler mon inscription");
        var confirmed = await client.PostAsync(link, new FormUrlEncodedContent([new("__RequestVerificationToken", await client.TokenAsync(link)), new("step", "confirm")]));
        (await confirmed.Content.ReadAsStringAsync()).Should().Contain("Votre inscription est confirmée.");
        (await site.Factory.WithScopeAsync(sp => sp.GetRequiredService<EventRegistrations>().CountsAsync("event-1")))[0].Taken.Should().Be(2);
        var mails = await MailsAsync(site.Factory, "jeanne.registrante@example.org");
        mails.Should().HaveCount(2).And.OnlyContain(m => RegistrationLink().IsMatch(m.Body), "every mail carries the link to cancel");

        // The German page of the same event shares the seats.
        (await client.GetStringAsync("/de/veranstaltungen/gleichgewichtskurs-im-fruhling")).Should().Contain("noch 10 Plätze frei");
        foreach (var url in new[] { Workshop, "/fr/agenda", "/fr/agenda/agenda.ics", Workshop + "/event.ics", "/api/content/event-dst", "/api/search?culture=fr&q=jeanne" })
            (await client.GetStringAsync(url)).Should().NotContain("Registrante", url).And.NotContain("jeanne.registrante", url);
    }

    [Fact]
    public async Task A_form_with_errors_says_what_is_wrong_on_each_field_and_keeps_what_was_typed()
    {
        using var site = EventsSite.On("Sqlite");
        using var client = site.Factory.CreateBrowser();
        var page = await client.GetStringAsync(Workshop);
        var fields = Browser.FormFields(page, Workshop + "/inscription").Where(f => f.Key is "__RequestVerificationToken" or "Session").ToList();
        fields.AddRange([new("Name", ""), new("Email", "pas-une-adresse"), new("Seats", "40"), new("Needs", "Boucle magnétique")]);
        var response = await client.PostAsync(Workshop + "/inscription", new FormUrlEncodedContent(fields));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("id=\"reg-Name-error\"").And.Contain("id=\"reg-Email-error\"").And.Contain("id=\"reg-Seats-error\"").And.Contain("id=\"reg-Consent-error\"");
        html.Should().Contain("value=\"pas-une-adresse\"").And.Contain("Boucle magnétique</textarea>").And.Contain("value=\"40\"");
        html.Should().Contain("href=\"#reg-Email\"", "the summary links to each field");
        (await MailsAsync(site.Factory)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Parallel_confirmations_beyond_capacity_give_n_seats_and_a_waiting_list_promoted_on_cancellation(string provider)
    {
        using var site = EventsSite.On(provider);
        const int capacity = 5;
        var registrations = new List<Registration>();
        for (var i = 0; i < capacity + 3; i++) registrations.Add(await RegisterAsync(site.Factory, "event-small", $"p{i}@example.org"));

        var statuses = await Task.WhenAll(registrations.Select(r => Task.Run(() => ConfirmAsync(site.Factory, "event-small", r.Id))));
        statuses.Count(s => s == RegistrationStatus.Confirmed).Should().Be(capacity);
        statuses.Count(s => s == RegistrationStatus.Waiting).Should().Be(3);
        var stored = await StatusesAsync(site.Factory);
        stored.Values.Count(s => s == RegistrationStatus.Confirmed).Should().Be(capacity);
        (await site.Factory.WithScopeAsync(sp => sp.GetRequiredService<EventRegistrations>().CountsAsync("event-small")))[0]
            .Should().Be((capacity, 3));
        (await ConfirmAsync(site.Factory, "event-small", registrations[0].Id)).Should().BeOneOf(RegistrationStatus.Confirmed, RegistrationStatus.Waiting);
        (await StatusesAsync(site.Factory)).Values.Count(s => s == RegistrationStatus.Confirmed).Should().Be(capacity, "a link followed twice counts once");

        // The first to wait is the first confirmed after the seats ran out; a cancellation gives them the seat, and a mail.
        var firstWaiting = await site.Factory.WithScopeAsync(sp => sp.GetRequiredService<EventsDbContext>().Registrations.AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.Waiting).OrderBy(r => r.ConfirmedUtc).ThenBy(r => r.Id).Select(r => r.Email).FirstAsync());
        var leaving = stored.First(s => s.Value == RegistrationStatus.Confirmed).Key;
        var leavingId = registrations.Single(r => r.Email == leaving).Id;
        (await site.Factory.WithScopeAsync(async sp => await sp.GetRequiredService<EventRegistrations>().CancelAsync(leavingId, await EventAsync(site.Factory, "event-small"))))
            .Should().BeTrue();
        var after = await StatusesAsync(site.Factory);
        after[leaving].Should().Be(RegistrationStatus.Cancelled);
        after[firstWaiting].Should().Be(RegistrationStatus.Confirmed);
        after.Values.Count(s => s == RegistrationStatus.Confirmed).Should().Be(capacity);
        var promoted = (await MailsAsync(site.Factory, firstWaiting)).Last();
        promoted.Subject.Should().Contain("Une place s'est libérée");
        promoted.Body.Should().Contain("https://visio.example.org/secret-kitchen-7", "a confirmed registrant gets the online link");
        (await MailsAsync(site.Factory, leaving)).Last().Subject.Should().Contain("Inscription annulée");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Reminders_go_once_unconfirmed_registrations_expire_and_old_ones_are_deleted(string provider)
    {
        using var site = EventsSite.On(provider);
        var confirmed = await RegisterAsync(site.Factory, "event-small", "rappel@example.org");
        (await ConfirmAsync(site.Factory, "event-small", confirmed.Id)).Should().Be(RegistrationStatus.Confirmed);
        var pending = await RegisterAsync(site.Factory, "event-small", "oubli@example.org");
        Task<int> Run(Func<RegistrationJobs, Task<int>> job) => site.Factory.WithScopeAsync(sp => job(sp.GetRequiredService<RegistrationJobs>()));

        (await Run(j => j.RemindAsync())).Should().Be(0, "the session is two weeks away");
        site.Clock.Now = new DateTimeOffset(2027, 3, 13, 12, 0, 0, TimeSpan.Zero);
        (await Run(j => j.ExpireAsync())).Should().Be(1);
        (await Run(j => j.RemindAsync())).Should().Be(1);
        (await Run(j => j.RemindAsync())).Should().Be(0, "a reminder is sent once");
        (await MailsAsync(site.Factory, "rappel@example.org")).Count(m => m.Subject.StartsWith("Rappel", StringComparison.Ordinal)).Should().Be(1);
        (await ConfirmAsync(site.Factory, "event-small", pending.Id)).Should().Be(RegistrationStatus.Expired);

        site.Clock.Now = new DateTimeOffset(2027, 9, 14, 12, 0, 0, TimeSpan.Zero);
        (await Run(j => j.DeleteOldAsync())).Should().Be(0, "six months have not passed since the session");
        site.Clock.Now = new DateTimeOffset(2027, 9, 16, 12, 0, 0, TimeSpan.Zero);
        (await Run(j => j.DeleteOldAsync())).Should().Be(2);
        (await StatusesAsync(site.Factory)).Should().BeEmpty();
        (await site.Factory.WithScopeAsync(sp => sp.GetRequiredService<EventRegistrations>().CountsAsync("event-small")))[0].Taken.Should().Be(1, "the count stays, without names");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_organisers_cancellation_tells_every_registrant_once(string provider)
    {
        using var site = EventsSite.On(provider);
        var a = await RegisterAsync(site.Factory, "event-small", "a@example.org");
        var b = await RegisterAsync(site.Factory, "event-small", "b@example.org");
        await ConfirmAsync(site.Factory, "event-small", a.Id);
        await site.Factory.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<IContentManager>();
            var latest = (await manager.GetAsync("event-small", VersionOptions.Latest))!;
            var data = (System.Text.Json.Nodes.JsonObject)latest.Data.DeepClone();
            data["Event"]!["Status"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = "cancelled" };
            (await manager.UpdateAsync("event-small", data, latest.ConcurrencyStamp, publish: true)).Succeeded.Should().BeTrue();
        });
        (await StatusesAsync(site.Factory)).Values.Should().AllBe(RegistrationStatus.EventCancelled);
        foreach (var to in new[] { "a@example.org", "b@example.org" })
            (await MailsAsync(site.Factory, to)).Count(m => m.Subject.StartsWith("Événement annulé", StringComparison.Ordinal)).Should().Be(1, to);
    }
}
