using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Calendar = Ical.Net.Calendar;

namespace Portal.Tests.Events;

/// <summary>The .ics files: valid iCalendar read by Ical.Net and by a line parser of our own, right across the change to summer time.</summary>
public sealed class CalendarFileTests(EventsSite site) : IClassFixture<EventsSite>
{
    private async Task<string> IcsAsync(string url)
    {
        using var client = site.Factory.CreateClient();
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task An_events_file_parses_with_ical_net_and_keeps_local_times_across_the_clock_change()
    {
        var text = await IcsAsync("/fr/agenda/atelier-equilibre-au-printemps/event.ics");
        var calendar = Calendar.Load(text)!;
        var sessions = calendar.Events.OrderBy(e => e.DtStart!.AsUtc).ToList();
        sessions.Should().HaveCount(2);
        // 10:00 in Paris is 09:00 UTC in winter (27 March 2027) and 08:00 UTC in summer (29 March 2027).
        sessions[0].DtStart!.AsUtc.Should().Be(new DateTime(2027, 3, 27, 9, 0, 0, DateTimeKind.Utc));
        sessions[1].DtStart!.AsUtc.Should().Be(new DateTime(2027, 3, 29, 8, 0, 0, DateTimeKind.Utc));
        sessions[1].DtEnd!.AsUtc.Should().Be(new DateTime(2027, 3, 29, 10, 0, 0, DateTimeKind.Utc));
        sessions.Should().OnlyContain(e => e.DtStart!.TzId == "Europe/Paris");
        sessions[0].Location.Should().Be("1 place d'Armes, 57000 Metz");
        sessions[0].Url!.ToString().Should().Be("http://localhost/fr/agenda/atelier-equilibre-au-printemps");
        sessions[0].Status.Should().Be("CONFIRMED");
        sessions.Select(e => e.Uid).Distinct().Should().HaveCount(2);
        calendar.TimeZones.Should().ContainSingle(z => z.TzId == "Europe/Paris");
    }

    [Fact]
    public async Task An_events_file_read_line_by_line_gives_the_same_instants()
    {
        var text = await IcsAsync("/fr/agenda/atelier-equilibre-au-printemps/event.ics");
        var lines = IcsLines.Unfold(text);
        lines.Should().StartWith("BEGIN:VCALENDAR").And.Contain("VERSION:2.0").And.EndWith("END:VCALENDAR");
        text.Should().Contain("\r\n", "iCalendar lines end with CRLF");
        lines.Should().OnlyContain(l => l.Length > 0);
        var zone = IcsLines.Block(lines, "VTIMEZONE").Single();
        zone.Should().Contain("TZID:Europe/Paris");
        var daylight = IcsLines.Block(zone, "DAYLIGHT");
        var standard = IcsLines.Block(zone, "STANDARD");
        daylight.Should().NotBeEmpty().And.OnlyContain(b => b.Contains("TZOFFSETTO:+0200"));
        standard.Should().NotBeEmpty().And.OnlyContain(b => b.Contains("TZOFFSETTO:+0100"));

        var starts = IcsLines.Block(lines, "VEVENT").Select(e => e.Single(l => l.StartsWith("DTSTART", StringComparison.Ordinal))).Order().ToList();
        starts.Should().Equal("DTSTART;TZID=Europe/Paris:20270327T100000", "DTSTART;TZID=Europe/Paris:20270329T100000");
        // The zone's own rule, independent of Ical.Net: the summer offset applies from the last Sunday of March (28 March 2027).
        var switchDay = IcsLines.SummerTimeStart(daylight, 2027);
        switchDay.Should().Be(new DateTime(2027, 3, 28, 2, 0, 0));
        var offsets = starts.Select(s => DateTime.ParseExact(s[^15..], "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture))
            .Select(local => local - (local >= switchDay ? TimeSpan.FromHours(2) : TimeSpan.FromHours(1))).ToList();
        offsets.Should().Equal(new DateTime(2027, 3, 27, 9, 0, 0), new DateTime(2027, 3, 29, 8, 0, 0));
    }

    [Fact]
    public async Task The_feed_per_culture_and_per_organiser_holds_their_events_with_their_status()
    {
        var all = Calendar.Load(await IcsAsync("/fr/agenda/agenda.ics"))!;
        all.Events.Select(e => e.Summary).Should().Contain(["Loto solidaire", "Marche de janvier", "Conférence mémoire en visio"]);
        all.Events.Single(e => e.Summary == "Loto solidaire").Status.Should().Be("CANCELLED");
        all.Events.Single(e => e.Summary == "Conférence mémoire en visio").Location.Should().Be("En ligne");
        all.Events.Should().NotContain(e => e.Summary!.StartsWith("Gleichgewicht", StringComparison.Ordinal));

        var organiser = Calendar.Load(await IcsAsync("/fr/agenda/agenda.ics?organiser=actor-other"))!;
        organiser.Events.Select(e => e.Summary).Should().Equal("Conférence mémoire en visio");
        organiser.Properties.Single(p => p.Name == "X-WR-CALNAME").Value.Should().Be("Agenda – Autre structure");

        var german = Calendar.Load(await IcsAsync("/de/veranstaltungen/agenda.ics"))!;
        german.Events.Select(e => e.Summary).Should().Contain(s => s!.StartsWith("Gleichgewichtskurs im Frühling (Termin 1 von 2)", StringComparison.Ordinal));
    }
}

/// <summary>A minimal iCalendar reader: unfolds lines (RFC 5545 §3.1) and cuts BEGIN/END blocks.</summary>
internal static partial class IcsLines
{
    public static List<string> Unfold(string text) =>
        Regex.Replace(text, "\r\n[ \t]", "").Split("\r\n", StringSplitOptions.None).Where((l, i) => l.Length > 0 || i == 0).ToList();

    public static List<List<string>> Block(IReadOnlyList<string> lines, string name)
    {
        var blocks = new List<List<string>>();
        List<string>? current = null;
        var depth = 0;
        foreach (var line in lines)
        {
            if (line == "BEGIN:" + name && depth++ == 0) { current = []; continue; }
            if (line == "END:" + name && --depth == 0) { blocks.Add(current!); current = null; continue; }
            current?.Add(line);
        }
        return blocks;
    }

    /// <summary>When summer time starts in <paramref name="year"/>, from a DAYLIGHT block's DTSTART (and its RRULE's last Sunday of the month, when it has one).</summary>
    public static DateTime SummerTimeStart(List<List<string>> daylight, int year)
    {
        foreach (var block in daylight)
        {
            var start = DateTime.ParseExact(block.Single(l => l.StartsWith("DTSTART:", StringComparison.Ordinal))[8..], "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
            if (start.Year == year) return start;
            if (block.FirstOrDefault(l => l.StartsWith("RRULE:", StringComparison.Ordinal)) is { } rule && rule.Contains("BYDAY=-1SU") && ByMonth().Match(rule) is { Success: true } month)
            {
                var last = new DateTime(year, int.Parse(month.Groups[1].Value, CultureInfo.InvariantCulture), 1).AddMonths(1).AddDays(-1);
                while (last.DayOfWeek != DayOfWeek.Sunday) last = last.AddDays(-1);
                return last + start.TimeOfDay;
            }
        }
        throw new InvalidOperationException("No summer time rule for " + year);
    }

    [GeneratedRegex("BYMONTH=(\\d+)")]
    private static partial Regex ByMonth();
}
