using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.Contents.Services;

/// <summary>A one-sheet .xlsx workbook of text cells: a bold, frozen header row and an autofilter on it.</summary>
public static class XlsxWriter
{
    public static byte[] Write(string sheetName, IReadOnlyList<string> headers, IEnumerable<string?[]> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });

            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var rowCount = 1;
            data.Append(Row(1, headers, bold: true));
            foreach (var values in rows) data.Append(Row(++rowCount, values, bold: false));
            var lastColumn = ColumnName(Math.Max(headers.Count, 1) - 1);
            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
                data,
                new AutoFilter { Reference = $"A1:{lastColumn}{rowCount}" });

            var name = new string(sheetName.Where(c => !"[]:*?/\\".Contains(c)).ToArray());
            workbookPart.Workbook.AppendChild(new Sheets(new Sheet
            {
                Id = workbookPart.GetIdOfPart(sheetPart),
                SheetId = 1,
                Name = name.Length == 0 ? "Liste" : name.Length > 31 ? name[..31] : name,
            }));
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(int number, IEnumerable<string?> values, bool bold)
    {
        var row = new Row { RowIndex = (uint)number };
        var column = 0;
        foreach (var value in values)
        {
            var reference = ColumnName(column++) + number;
            if (string.IsNullOrEmpty(value)) continue;
            // Inline strings: a value is never read as a number, a date or a formula.
            row.Append(new Cell
            {
                CellReference = reference,
                DataType = CellValues.InlineString,
                StyleIndex = bold ? 1u : null,
                InlineString = new InlineString(new Text(Clean(value)) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }
        return row;
    }

    /// <summary>XML cannot hold most control characters: they are dropped.</summary>
    private static string Clean(string value) =>
        value.Any(c => c < ' ' && c is not '\t' and not '\n' and not '\r') ? new string(value.Where(c => c >= ' ' || c is '\t' or '\n' or '\r').ToArray()) : value;

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }
}
