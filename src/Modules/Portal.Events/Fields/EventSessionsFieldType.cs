using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Events.Models;

namespace Portal.Events.Fields;

/// <summary>{ "Sessions": [ { "Start": "2027-03-27T10:00", "End": "2027-03-27T12:00" } ] }: local times in Europe/Paris.</summary>
public sealed class EventSessionsFieldType : IContentFieldType
{
    public const string TypeName = "EventSessions";

    /// <summary>Empty rows the editor offers after the sessions already written (more after saving, without JavaScript).</summary>
    public const int BlankRows = 2;

    public string Name => TypeName;

    public FieldEditorLayout EditorLayout(FieldSettings settings) => FieldEditorLayout.Group;

    /// <summary>The sessions as written, in order of start; rows that do not parse are left out.</summary>
    public static IReadOnlyList<EventSession> Read(JsonNode? value)
    {
        if (value?["Sessions"] is not JsonArray rows) return [];
        var sessions = new List<EventSession>();
        foreach (var row in rows)
        {
            if (EventSession.TryParse(Text(row, "Start"), out var start) && EventSession.TryParse(Text(row, "End"), out var end))
                sessions.Add(new EventSession(0, start, end));
        }
        return sessions.OrderBy(s => s.Start).Select((s, i) => s with { Index = i }).ToList();
    }

    public static JsonObject Of(IEnumerable<(DateTime Start, DateTime End)> sessions) => new()
    {
        ["Sessions"] = new JsonArray(sessions.Select(s => (JsonNode)new JsonObject
        {
            ["Start"] = s.Start.ToString(EventSession.Format, CultureInfo.InvariantCulture),
            ["End"] = s.End.ToString(EventSession.Format, CultureInfo.InvariantCulture),
        }).ToArray()),
    };

    private static string? Text(JsonNode? row, string property) =>
        row?[property] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    public JsonNode? ReadForm(IFormCollection form, string prefix)
    {
        var starts = form[prefix + ".Start"];
        var ends = form[prefix + ".End"];
        var rows = new JsonArray();
        for (var i = 0; i < Math.Max(starts.Count, ends.Count); i++)
        {
            var start = i < starts.Count ? starts[i]?.Trim() : null;
            var end = i < ends.Count ? ends[i]?.Trim() : null;
            if (string.IsNullOrEmpty(start) && string.IsNullOrEmpty(end)) continue;
            rows.Add(new JsonObject { ["Start"] = start ?? "", ["End"] = end ?? "" });
        }
        return rows.Count == 0 ? null : new JsonObject { ["Sessions"] = rows };
    }

    public bool IsEmpty(JsonNode? value) => value?["Sessions"] is not JsonArray { Count: > 0 };

    /// <summary>Stores one shape ("2027-03-27T10:00"), sorted by start; what does not parse is kept for the error message.</summary>
    public JsonNode? Normalize(JsonNode? value, FieldSettings settings)
    {
        if (value?["Sessions"] is not JsonArray rows) return null;
        var all = rows.Select(r => (Start: Text(r, "Start"), End: Text(r, "End"))).ToList();
        if (all.Any(r => !EventSession.TryParse(r.Start, out _) || !EventSession.TryParse(r.End, out _))) return value;
        return Of(Read(value).Select(s => (s.Start, s.End)));
    }

    public ValueTask ValidateAsync(FieldValidationContext context)
    {
        if (context.Value?["Sessions"] is not JsonArray { Count: > 0 } rows)
        {
            if (context.Settings.Required) context.Fail(context.T["{0} is required.", context.Label]);
            return ValueTask.CompletedTask;
        }
        var number = 0;
        foreach (var row in rows)
        {
            number++;
            if (!EventSession.TryParse(Text(row, "Start"), out var start) || !EventSession.TryParse(Text(row, "End"), out var end))
                context.Fail(context.T["{0}, session {1}: give a start and an end date and time (YYYY-MM-DDTHH:MM).", context.Label, number]);
            else if (end <= start)
                context.Fail(context.T["{0}, session {1}: the end comes before the start.", context.Label, number]);
        }
        return ValueTask.CompletedTask;
    }

    public string? ToText(JsonNode? value) =>
        Read(value) is { Count: > 0 } sessions
            ? string.Join("; ", sessions.Select(s => $"{s.Start.ToString(EventSession.Format, CultureInfo.InvariantCulture)} – {s.End.ToString(EventSession.Format, CultureInfo.InvariantCulture)}"))
            : null;
}
