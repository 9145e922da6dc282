using System.Net;
using Portal.Tests.Infrastructure;
using Calendar = Ical.Net.Calendar;

namespace Portal.Tests.Events;

/// <summary>The events recipe, the agenda and the calendar feed on each database the site supports.</summary>
public sealed class EventsDatabaseTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Events_are_stored_listed_in_the_agenda_and_exported_as_icalendar(string provider)
    {
        using var site = EventsSite.On(provider);
        using var client = site.Factory.CreateClient();
        var agenda = await client.GetStringAsync("/fr/agenda?month=2027-03");
        agenda.Should().Contain("Atelier équilibre au printemps").And.Contain("Loto solidaire");
        var feed = Calendar.Load(await client.GetStringAsync("/fr/agenda/agenda.ics"))!;
        feed.Events.Should().HaveCount(6, "two sessions of the workshop, the conference, the walk, the kitchen workshop and the loto");
        feed.Events.Where(e => e.Summary!.StartsWith("Atelier", StringComparison.Ordinal)).Select(e => e.DtStart!.AsUtc)
            .Should().BeEquivalentTo([new DateTime(2027, 3, 27, 9, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 29, 8, 0, 0, DateTimeKind.Utc)]);
        (await client.GetAsync("/fr/agenda/inconnu/event.ics")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
