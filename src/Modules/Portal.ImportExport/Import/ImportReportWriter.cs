using System.Text;
using Microsoft.Extensions.Localization;

namespace Portal.ImportExport.Import;

/// <summary>The report as plain text, one line per problem: what the command line prints.</summary>
public sealed class ImportReportWriter(IStringLocalizer<ImportReportWriter> T)
{
    public string ToText(ImportReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(T["{0} ({1}), imported as {2}.", report.FileName, report.Description, report.ContentType]);
        text.AppendLine(T["Rows: {0} to create, {1} to update, {2} unchanged, {3} with errors.",
            report.Count(ImportAction.Create), report.Count(ImportAction.Update), report.Count(ImportAction.Unchanged), report.Count(ImportAction.Error)]);
        foreach (var issue in report.Ordered) text.AppendLine(Line(issue));
        text.AppendLine(report.Applied
            ? (report.Published ? T["Applied: every row was saved and published."] : T["Applied: every row was saved as a draft for review."])
            : report.HasErrors ? T["Nothing was written: correct the errors and import the file again."] : T["Dry run: nothing was written."]);
        return text.ToString();
    }

    public string Line(ImportIssue issue)
    {
        var where = (issue.Row, issue.Column) switch
        {
            (0, "") => T["File"].Value,
            (0, var column) => T["Column '{0}'", column].Value,
            (var row, "") => T["Row {0}", row].Value,
            var (row, column) => T["Row {0}, column '{1}'", row, column].Value,
        };
        var severity = issue.Severity == ImportSeverity.Error ? T["error"] : T["warning"];
        var line = T["{0}: {1}: {2}", where, severity, issue.Message].Value;
        if (issue.Suggestions is { Count: > 0 } suggestions) line += " " + T["Closest: {0}.", string.Join(", ", suggestions)];
        return line;
    }
}
