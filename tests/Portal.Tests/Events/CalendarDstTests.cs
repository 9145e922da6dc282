using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Calendar = Ical.Net.Calendar;

namespace Portal.Tests.Events;

/// <summary>
/// The .ics of an event with a session on each side of the return to winter time (Sunday 31 October 2027): read by
/// Ical.Net, by Python's icalendar (an independent implementation, installed by .ci/run) and line by line.
/// </summary>
public sealed class CalendarDstTests
{
    private static async Task<string> AutumnIcsAsync(EventsSite site)
    {
        await site.Factory.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<IContentManager>();
            var latest = (await manager.GetAsync("event-dst", VersionOptions.Latest))!;
            var data = (JsonObject)latest.Data.DeepClone();
            data["Event"]!["Sessions"] = new JsonObject
            {
                ["Sessions"] = new JsonArray(
                    new JsonObject { ["Start"] = "2027-10-30T10:00", ["End"] = "2027-10-30T12:00" },
                    new JsonObject { ["Start"] = "2027-11-01T10:00", ["End"] = "2027-11-01T12:00" }),
            };
            (await manager.UpdateAsync("event-dst", data, latest.ConcurrencyStamp, publish: true)).Succeeded.Should().BeTrue();
        });
        using var client = site.Factory.CreateClient();
        var response = await client.GetAsync("/fr/agenda/atelier-equilibre-au-printemps/event.ics");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Sessions_either_side_of_the_return_to_winter_time_keep_their_local_hour_in_ical_net_python_and_a_line_reader()
    {
        using var site = EventsSite.On("Sqlite");
        var text = await AutumnIcsAsync(site);

        // 10:00 in Paris is 08:00 UTC on Saturday (summer time) and 09:00 UTC on the Monday after the change.
        var expected = new[] { new DateTime(2027, 10, 30, 8, 0, 0, DateTimeKind.Utc), new DateTime(2027, 11, 1, 9, 0, 0, DateTimeKind.Utc) };
        var calendar = Calendar.Load(text)!;
        calendar.Events.Select(e => e.DtStart!.AsUtc).Order().Should().Equal(expected);
        calendar.Events.Should().OnlyContain(e => e.DtStart!.TzId == "Europe/Paris" && e.DtStart.Value.Hour == 10);

        var lines = IcsLines.Unfold(text);
        IcsLines.Block(lines, "VEVENT").Select(e => e.Single(l => l.StartsWith("DTSTART", StringComparison.Ordinal))).Order()
            .Should().Equal("DTSTART;TZID=Europe/Paris:20271030T100000", "DTSTART;TZID=Europe/Paris:20271101T100000");
        var zone = IcsLines.Block(lines, "VTIMEZONE").Single();
        IcsLines.Block(zone, "STANDARD").Should().Contain(b => b.Contains("TZOFFSETFROM:+0200") && b.Contains("TZOFFSETTO:+0100"), "the zone says when winter time returns");

        (await PythonAsync(text)).Should().Equal(
            "2027-10-30T08:00:00+00:00 2027-10-30T10:00:00+02:00 Europe/Paris CONFIRMED",
            "2027-11-01T09:00:00+00:00 2027-11-01T10:00:00+01:00 Europe/Paris CONFIRMED");
    }

    /// <summary>Each VEVENT's start in UTC and in local time, its zone and status, as Python's icalendar reads them.</summary>
    private static async Task<List<string>> PythonAsync(string ics)
    {
        var file = Path.Combine(Path.GetTempPath(), $"portal-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(file, ics);
        try
        {
            const string script = """
                import sys, datetime, icalendar
                cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
                rows = []
                for ev in cal.walk('VEVENT'):
                    start = ev.decoded('DTSTART')
                    rows.append('%s %s %s %s' % (start.astimezone(datetime.timezone.utc).isoformat(), start.isoformat(), ev['DTSTART'].params['TZID'], ev['STATUS']))
                print('\n'.join(sorted(rows)))
                """;
            // Debian's interpreter, the one python3-icalendar installs for (a python3 earlier on the PATH may be another).
            var info = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "-c", script, file }) info.ArgumentList.Add(argument);
            using var process = Process.Start(info)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.Should().Be(0, "python3 with icalendar (Debian's python3-icalendar, installed by .ci/run) reads the file: " + error);
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        }
        finally { File.Delete(file); }
    }
}
