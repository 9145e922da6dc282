using System.Text;

namespace Portal.Directory.OpeningHours;

/// <summary>
/// Reads OpenStreetMap opening_hours strings of the subset the portal handles ("Mo-Fr 09:00-12:00,14:00-17:00; Sa
/// 09:00-12:00; PH off", "Tu,Th 14:00-17:00 \"sur rendez-vous\"", "24/7"). Later rules replace earlier ones for the
/// days they name, as in OSM. What lies outside the subset (months, weeks, nth weekdays, sunrise, open ends) is
/// reported unsupported, not wrong; what cannot be opening hours at all ("lundi 9h", "25:00") is an error.
/// </summary>
public static class OpeningHoursParser
{
    private static readonly string[] DayCodes = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
    private static readonly string[] OutsideSubset = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "SH", "week", "sunrise", "sunset", "dawn", "dusk", "easter", "unknown"];

    public enum Outcome { Parsed, Unsupported, Invalid }

    public static OpeningHoursSchedule Parse(string source) => TryParse(source, out var schedule) == Outcome.Parsed ? schedule : OpeningHoursSchedule.Unsupported(source);

    public static Outcome TryParse(string source, out OpeningHoursSchedule schedule)
    {
        schedule = OpeningHoursSchedule.Unsupported(source);
        var text = source.Trim();
        if (text.Length == 0 || text.Contains("||", StringComparison.Ordinal)) return text.Length == 0 ? Outcome.Invalid : Outcome.Unsupported;
        var days = new DayHours?[7];
        DayHours? holidays = null;
        var notes = new List<string>();
        foreach (var rule in SplitRules(text))
        {
            var outcome = ParseRule(rule, days, ref holidays, notes);
            if (outcome != Outcome.Parsed) return outcome;
        }
        schedule = new OpeningHoursSchedule(source, true, days, holidays, notes);
        return Outcome.Parsed;
    }

    /// <summary>Rules split on ";" outside quotes; spaces around commas dropped ("Mo, We" is "Mo,We").</summary>
    private static IEnumerable<List<string>> SplitRules(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        void Flush()
        {
            if (current.Length > 0) tokens.Add(current.ToString());
            current.Clear();
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                if (quoted) { current.Append(c); Flush(); quoted = false; }
                else { Flush(); current.Append(c); quoted = true; }
            }
            else if (quoted) current.Append(c);
            else if (c == ';')
            {
                Flush();
                if (tokens.Count > 0) yield return tokens;
                tokens = [];
            }
            else if (char.IsWhiteSpace(c))
            {
                var next = text[(i + 1)..].TrimStart();
                if (current.Length > 0 && current[^1] != ',' && current[^1] != '-' && next.Length > 0 && next[0] != ',' && next[0] != '-') Flush();
            }
            else current.Append(c);
        }
        if (quoted) tokens.Add(current.ToString()); // an unclosed quote: reported below
        else Flush();
        if (tokens.Count > 0) yield return tokens;
    }

    private static Outcome ParseRule(List<string> tokens, DayHours?[] days, ref DayHours? holidays, List<string> notes)
    {
        var at = 0;
        string? comment = null;
        if (tokens[^1].StartsWith('"'))
        {
            if (tokens[^1].Length < 2 || !tokens[^1].EndsWith('"')) return Outcome.Invalid;
            comment = tokens[^1][1..^1].Trim();
            tokens = tokens[..^1];
            if (tokens.Count == 0)
            {
                if (comment.Length > 0) notes.Add(comment);
                return Outcome.Parsed;
            }
        }
        if (tokens.Count == 1 && tokens[0] == "24/7")
        {
            for (var d = 0; d < 7; d++) days[d] = new DayHours([new(0, 1440)], comment);
            return Outcome.Parsed;
        }
        var selected = new bool[7];
        var holiday = false;
        var namedDays = false;
        if (LooksLikeDays(tokens[at]))
        {
            var outcome = ReadDays(tokens[at], selected, out holiday);
            if (outcome != Outcome.Parsed) return outcome;
            namedDays = true;
            at++;
        }
        if (!namedDays) Array.Fill(selected, true);

        DayHours hours;
        var rest = tokens.Skip(at).ToList();
        if (rest.Count == 0) hours = comment is null ? new DayHours([new(0, 1440)], null) : new DayHours([], comment);
        else if (rest.Count == 1 && rest[0] is "off" or "closed") hours = comment is null ? DayHours.Closed : new DayHours([], comment);
        else if (rest.Count == 1 && rest[0] == "open") hours = new DayHours([new(0, 1440)], comment);
        else
        {
            // "08:00-12:00 13:30-17:00" (a space for a comma) is read as the comma it means.
            var outcome = ReadSpans(string.Join(',', rest), out var spans);
            if (outcome != Outcome.Parsed) return outcome;
            hours = new DayHours(spans, comment);
        }

        for (var d = 0; d < 7; d++) if (selected[d]) days[d] = hours;
        if (holiday) holidays = hours;
        return Outcome.Parsed;
    }

    private static bool LooksLikeDays(string token) => token.Length >= 2 && char.IsLetter(token[0]) && token is not ("off" or "closed" or "open");

    private static Outcome ReadDays(string token, bool[] selected, out bool holiday)
    {
        holiday = false;
        foreach (var item in token.Split(','))
        {
            if (item == "PH") { holiday = true; continue; }
            var bounds = item.Split('-');
            if (bounds.Length is < 1 or > 2) return Outcome.Invalid;
            var first = DayIndex(bounds[0]);
            var last = bounds.Length == 2 ? DayIndex(bounds[1]) : first;
            if (first < 0 || last < 0)
                return item.Contains('[') || OutsideSubset.Any(w => item.StartsWith(w, StringComparison.Ordinal)) ? Outcome.Unsupported : Outcome.Invalid;
            // Sa-Mo wraps over the week's end.
            for (var d = first; ; d = (d + 1) % 7)
            {
                selected[d] = true;
                if (d == last) break;
            }
        }
        return Outcome.Parsed;
    }

    private static int DayIndex(string code) => Array.FindIndex(DayCodes, c => string.Equals(c, code, StringComparison.OrdinalIgnoreCase));

    private static Outcome ReadSpans(string token, out List<TimeSpanOfDay> spans)
    {
        spans = [];
        foreach (var item in token.Split(','))
        {
            var bounds = item.Split('-');
            if (bounds.Length != 2) return item.EndsWith('+') || item.Contains('/') || OutsideSubset.Any(w => item.Contains(w, StringComparison.Ordinal)) ? Outcome.Unsupported : Outcome.Invalid;
            var start = Minutes(bounds[0]);
            var end = Minutes(bounds[1].TrimEnd('+'));
            if (start is null || end is null || start >= 1440) return OutsideSubset.Any(w => item.Contains(w, StringComparison.Ordinal)) ? Outcome.Unsupported : Outcome.Invalid;
            if (bounds[1].EndsWith('+') || end <= start || end > 1440) return Outcome.Unsupported; // open end, or past midnight
            spans.Add(new(start.Value, end.Value));
        }
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return Outcome.Parsed;
    }

    /// <summary>"09:00" → 540; up to 24:00 (and up to 48:00, past midnight, which the caller refuses as outside the subset).</summary>
    private static int? Minutes(string time)
    {
        var parts = time.Split(':');
        if (parts.Length != 2 || parts[0].Length is < 1 or > 2 || parts[1].Length != 2) return null;
        if (!int.TryParse(parts[0], System.Globalization.NumberStyles.None, null, out var h) || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, null, out var m)) return null;
        return m > 59 || h > 48 ? null : h * 60 + m;
    }
}
