using System.Globalization;
using Portal.Core.Localization;
using Portal.Directory.OpeningHours;

namespace Portal.Tests.Directory;

/// <summary>Opening hours in OpenStreetMap syntax, as French and German readers see them.</summary>
public sealed class OpeningHoursTests
{
    private static readonly PoCatalog Catalog = PoCatalog.FromAssemblies([typeof(Portal.Directory.Startup).Assembly]);

    private static string Render(string hours, string culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var display = OpeningHoursDisplay.For(OpeningHoursParser.Parse(hours), culture, new PoStringLocalizer(Catalog));
            var rows = display.Rows.Select(r => $"{r.Days}: {r.Hours}").Concat(display.Notes.Select(n => $"[{n}]")).ToList();
            return display.Readable ? string.Join(" | ", rows) : "AS GIVEN: " + display.Source;
        }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    // Strings seen in OpenStreetMap, in data·inclusion exports and in the portal's sample and import data.
    [Theory]
    [InlineData("Mo-Fr 09:00-12:00,14:00-17:00", "du lundi au vendredi: 9 h – 12 h, 14 h – 17 h", "Montag bis Freitag: 9–12 Uhr, 14–17 Uhr")]
    [InlineData("Mo,We,Fr 14:00-18:00", "lundi, mercredi, vendredi: 14 h – 18 h", "Montag, Mittwoch, Freitag: 14–18 Uhr")]
    [InlineData("Mo-Fr 08:30-17:30", "du lundi au vendredi: 8 h 30 – 17 h 30", "Montag bis Freitag: 8:30–17:30 Uhr")]
    [InlineData("Tu-Sa 10:00-18:00", "du mardi au samedi: 10 h – 18 h", "Dienstag bis Samstag: 10–18 Uhr")]
    [InlineData("Mo-Th 09:00-17:00; Fr 09:00-12:00", "du lundi au jeudi: 9 h – 17 h | vendredi: 9 h – 12 h", "Montag bis Donnerstag: 9–17 Uhr | Freitag: 9–12 Uhr")]
    [InlineData("Mo-Fr 09:00-17:00; PH off", "du lundi au vendredi: 9 h – 17 h | jours fériés: fermé", "Montag bis Freitag: 9–17 Uhr | Feiertage: geschlossen")]
    [InlineData("24/7", "tous les jours: 0 h – 24 h", "täglich: 0–24 Uhr")]
    [InlineData("Mo-Sa 09:00-19:00; Su off", "du lundi au samedi: 9 h – 19 h | dimanche: fermé", "Montag bis Samstag: 9–19 Uhr | Sonntag: geschlossen")]
    [InlineData("Tu,Th 14:00-17:00 \"sur rendez-vous\"", "mardi, jeudi: 14 h – 17 h (sur rendez-vous)", "Dienstag, Donnerstag: 14–17 Uhr (sur rendez-vous)")]
    [InlineData("\"sur rendez-vous\"", "[sur rendez-vous]", "[sur rendez-vous]")]
    [InlineData("Mo 14:00-16:00; We 09:30-11:30", "lundi: 14 h – 16 h | mercredi: 9 h 30 – 11 h 30", "Montag: 14–16 Uhr | Mittwoch: 9:30–11:30 Uhr")]
    [InlineData("Mo-Fr 08:00-12:00, 13:30-17:00", "du lundi au vendredi: 8 h – 12 h, 13 h 30 – 17 h", "Montag bis Freitag: 8–12 Uhr, 13:30–17 Uhr")]
    [InlineData("Sa-Su 10:00-12:00", "samedi, dimanche: 10 h – 12 h", "Samstag, Sonntag: 10–12 Uhr")]
    [InlineData("Mo-Su 08:00-20:00", "tous les jours: 8 h – 20 h", "täglich: 8–20 Uhr")]
    [InlineData("We 14:00-18:00; PH closed", "mercredi: 14 h – 18 h | jours fériés: fermé", "Mittwoch: 14–18 Uhr | Feiertage: geschlossen")]
    [InlineData("mo-fr 09:00-12:00", "du lundi au vendredi: 9 h – 12 h", "Montag bis Freitag: 9–12 Uhr")]
    [InlineData("Mo-Fr 09:00-12:00 14:00-17:00", "du lundi au vendredi: 9 h – 12 h, 14 h – 17 h", "Montag bis Freitag: 9–12 Uhr, 14–17 Uhr")]
    [InlineData("Mo,Tu,Th,Fr 09:00-12:00", "lundi, mardi, jeudi, vendredi: 9 h – 12 h", "Montag, Dienstag, Donnerstag, Freitag: 9–12 Uhr")]
    [InlineData("Mo-Fr 09:00-18:00; Sa 09:00-12:00; PH 10:00-12:00", "du lundi au vendredi: 9 h – 18 h | samedi: 9 h – 12 h | jours fériés: 10 h – 12 h", "Montag bis Freitag: 9–18 Uhr | Samstag: 9–12 Uhr | Feiertage: 10–12 Uhr")]
    [InlineData("Mo-Fr 09:00-17:00; We 09:00-12:00", "lundi, mardi, jeudi, vendredi: 9 h – 17 h | mercredi: 9 h – 12 h", "Montag, Dienstag, Donnerstag, Freitag: 9–17 Uhr | Mittwoch: 9–12 Uhr")]
    [InlineData("Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00", "du lundi au vendredi: 9 h – 12 h, 14 h – 17 h | samedi: 9 h – 12 h", "Montag bis Freitag: 9–12 Uhr, 14–17 Uhr | Samstag: 9–12 Uhr")]
    [InlineData("Mo-Fr 09:00-12:00; \"fermé en août\"", "du lundi au vendredi: 9 h – 12 h | [fermé en août]", "Montag bis Freitag: 9–12 Uhr | [fermé en août]")]
    // Outside the subset: shown as given, never dropped.
    [InlineData("Mo-Fr 09:00-12:00; Jul-Aug off", "AS GIVEN: Mo-Fr 09:00-12:00; Jul-Aug off", "AS GIVEN: Mo-Fr 09:00-12:00; Jul-Aug off")]
    [InlineData("Mo[1] 14:00-16:00", "AS GIVEN: Mo[1] 14:00-16:00", "AS GIVEN: Mo[1] 14:00-16:00")]
    [InlineData("Fr-Sa 22:00-02:00", "AS GIVEN: Fr-Sa 22:00-02:00", "AS GIVEN: Fr-Sa 22:00-02:00")]
    [InlineData("Mo-Fr 09:00+", "AS GIVEN: Mo-Fr 09:00+", "AS GIVEN: Mo-Fr 09:00+")]
    [InlineData("Mo-Su sunrise-sunset", "AS GIVEN: Mo-Su sunrise-sunset", "AS GIVEN: Mo-Su sunrise-sunset")]
    [InlineData("week 01-26 Mo 10:00-12:00", "AS GIVEN: week 01-26 Mo 10:00-12:00", "AS GIVEN: week 01-26 Mo 10:00-12:00")]
    [InlineData("Mo-Fr 09:00-17:00 || \"sur rendez-vous\"", "AS GIVEN: Mo-Fr 09:00-17:00 || \"sur rendez-vous\"", "AS GIVEN: Mo-Fr 09:00-17:00 || \"sur rendez-vous\"")]
    [InlineData("lundi 9h-12h", "AS GIVEN: lundi 9h-12h", "AS GIVEN: lundi 9h-12h")]
    public void Hours_read_as_a_table_of_days_in_french_and_german(string hours, string french, string german)
    {
        Render(hours, "fr").Should().Be(french);
        Render(hours, "de").Should().Be(german);
    }

    [Theory]
    [InlineData("Mo-Fr 09:00-12:00; Jul-Aug off", OpeningHoursParser.Outcome.Unsupported)]
    [InlineData("SH off", OpeningHoursParser.Outcome.Unsupported)]
    [InlineData("Mo[1] 14:00-16:00", OpeningHoursParser.Outcome.Unsupported)]
    [InlineData("Fr-Sa 22:00-02:00", OpeningHoursParser.Outcome.Unsupported)]
    [InlineData("Mo-Fr 09:00-17:00; PH off", OpeningHoursParser.Outcome.Parsed)]
    [InlineData("lundi 9h-12h", OpeningHoursParser.Outcome.Invalid)]
    [InlineData("Mo-Fr 9h-12h", OpeningHoursParser.Outcome.Invalid)]
    [InlineData("Mo-Fr 25:00-26:00", OpeningHoursParser.Outcome.Invalid)]
    [InlineData("Mo-Fr 09:00-12:00 sur rendez-vous", OpeningHoursParser.Outcome.Invalid)]
    [InlineData("Mo-Fr 09:00-12:00 \"sur rendez-vous", OpeningHoursParser.Outcome.Invalid)]
    public void Strings_outside_the_subset_are_unsupported_and_what_is_not_hours_is_invalid(string hours, OpeningHoursParser.Outcome outcome) =>
        OpeningHoursParser.TryParse(hours, out _).Should().Be(outcome);

    [Theory]
    [InlineData("2026-12-02T13:30:00Z", true)]   // Wednesday 14:30 in Paris
    [InlineData("2026-12-02T12:30:00Z", false)]  // Wednesday 13:30 in Paris
    [InlineData("2026-12-01T14:00:00Z", false)]  // Tuesday
    [InlineData("2026-07-14T13:00:00Z", false)]  // a Tuesday, and Bastille Day anyway
    [InlineData("2027-05-05T13:00:00Z", true)]   // Wednesday 15:00 in summer time
    [InlineData("2027-05-17T13:00:00Z", false)]  // Whit Monday 2027: a public holiday, PH off
    [InlineData("2027-05-24T13:00:00Z", true)]   // the Monday after
    public void Open_now_follows_the_paris_clock_and_french_public_holidays(string utc, bool open) =>
        OpenAt.IsOpen(OpeningHoursParser.Parse("Mo,We,Fr 14:00-18:00; PH off"), DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture)).Should().Be(open);

    [Fact]
    public void Open_now_is_not_told_for_appointments_only_or_unsupported_hours()
    {
        OpenAt.IsOpen(OpeningHoursParser.Parse("\"sur rendez-vous\""), DateTimeOffset.UtcNow).Should().BeNull();
        OpenAt.IsOpen(OpeningHoursParser.Parse("Mo-Fr 09:00-12:00; Jul-Aug off"), DateTimeOffset.UtcNow).Should().BeNull();
        // A holiday with no rule of its own: the schedule cannot say.
        OpenAt.IsOpen(OpeningHoursParser.Parse("Mo-Fr 09:00-18:00"), new DateTimeOffset(2026, 12, 25, 10, 0, 0, TimeSpan.Zero)).Should().BeNull();
    }
}
