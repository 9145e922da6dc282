using System.Text;
using System.Text.Json.Nodes;
using Portal.Contents.Services;

namespace Portal.ImportExport.Import;

public enum ImportAction { Create, Update, Unchanged, Error }

/// <summary>What one data row becomes: a new item, an update of an existing one, nothing, or nothing because of errors.</summary>
public sealed class ImportRowPlan
{
    public int Row { get; init; }
    public string Title { get; init; } = "";
    public ImportAction Action { get; set; }
    public string? ContentItemId { get; set; }
    /// <summary>How the existing item was found: "id", "external id", "SIRET", "FINESS", "name and commune".</summary>
    public string? MatchedBy { get; set; }
    /// <summary>
    /// The item's data as it would be saved, kept serialized in UTF-8 (a tree of nodes per row weighs several times more,
    /// and UTF-16 text twice as much).
    /// </summary>
    internal JsonObject? Data
    {
        get => _data is null ? null : JsonNode.Parse(_data) as JsonObject;
        set => _data = value is null ? null : Utf8(value);
    }

    private static byte[] Utf8(JsonObject value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer)) value.WriteTo(writer);
        return buffer.WrittenSpan.ToArray();
    }
    private byte[]? _data;
    internal string? Culture { get; set; }
    /// <summary>The concurrency stamp of the version the update was planned on.</summary>
    internal string? Stamp { get; set; }
}

/// <summary>The dry run's report (and the applied import's): what each row becomes and every problem by row and column.</summary>
public sealed class ImportReport
{
    public string FileName { get; init; } = "";
    public string ContentType { get; init; } = "";
    public string Description { get; set; } = "";
    public ImportMapping Mapping { get; set; } = new();
    /// <summary>The file as read (headers and rows), for the page that shows the mapping beside the report.</summary>
    public ImportTable Table { get; set; } = new();
    [System.Text.Json.Serialization.JsonObjectCreationHandling(System.Text.Json.Serialization.JsonObjectCreationHandling.Populate)]
    public List<ImportIssue> Issues { get; } = [];
    [System.Text.Json.Serialization.JsonObjectCreationHandling(System.Text.Json.Serialization.JsonObjectCreationHandling.Populate)]
    public List<ImportRowPlan> Rows { get; } = [];
    public bool Applied { get; set; }

    /// <summary>Seconds spent in each section of the apply (plan, read latest, create, update, clear, commit): its profile.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Dictionary<string, double> Timings { get; } = [];

    /// <summary>Adds the time since the last section to <paramref name="section"/>, and starts the next one.</summary>
    internal void Time(string section, System.Diagnostics.Stopwatch watch)
    {
        Timings[section] = Timings.GetValueOrDefault(section) + watch.Elapsed.TotalSeconds;
        watch.Restart();
    }
    public bool Published { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasErrors => Issues.Any(i => i.Severity == ImportSeverity.Error);
    public int Count(ImportAction action) => Rows.Count(r => r.Action == action);

    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<ImportIssue> Ordered => Issues.OrderBy(i => i.Row).ThenBy(i => i.Severity).ThenBy(i => ColumnOrder(i.Column));

    private int ColumnOrder(string column)
    {
        var index = Mapping.Columns.Keys.ToList().FindIndex(h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>The report as CSV for a spreadsheet (semicolons, UTF-8 with a byte order mark, formulas neutralised).</summary>
    public byte[] ToCsv(Func<string, string> t)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(';', new[] { t("Row"), t("Column"), t("Severity"), t("Message"), t("Suggestions") }.Select(CsvExport.Cell)).Append("\r\n");
        foreach (var issue in Ordered)
            csv.AppendJoin(';', new[]
            {
                issue.Row == 0 ? "" : issue.Row.ToString(System.Globalization.CultureInfo.InvariantCulture),
                issue.Column,
                issue.Severity == ImportSeverity.Error ? t("error") : t("warning"),
                issue.Message,
                string.Join(" | ", issue.Suggestions ?? []),
            }.Select(CsvExport.Cell)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }
}
