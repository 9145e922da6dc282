using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Portal.ImportExport.Import;

/// <summary>
/// Reads an .xlsx workbook (its first sheet) or a .csv file into an <see cref="ImportTable"/>. It never throws on a
/// bad file: what is wrong (empty, not what its extension says, too big, merged header cells, mixed separators,
/// too many columns, formulas) comes back as problems that name the row and column.
/// </summary>
public sealed class SpreadsheetReader(IOptions<ImportOptions> options, IStringLocalizer<SpreadsheetReader> T)
{
    private readonly ImportOptions _limits = options.Value;

    static SpreadsheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsSupported(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() is ".csv" or ".xlsx";

    public ImportTable Read(string fileName, byte[] bytes)
    {
        if (bytes.Length == 0) return Failed(T["The file {0} is empty.", fileName]);
        if (bytes.Length > _limits.MaxFileBytes)
            return Failed(T["The file is {0:0.0} MB; the limit is {1:0.#} MB. Split it into several files.", bytes.Length / 1048576.0, _limits.MaxFileBytes / 1048576.0]);
        return Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".xlsx" => ReadWorkbook(bytes),
            ".csv" => ReadCsv(bytes),
            var other => Failed(T["Files of type '{0}' cannot be imported: save the sheet as .xlsx or .csv.", other]),
        };
    }

    private static ImportTable Failed(string message) => new() { Problems = [ImportIssue.File(message)] };

    private static bool IsZip(byte[] bytes) => bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;

    // ---------------------------------------------------------------- CSV

    private ImportTable ReadCsv(byte[] bytes)
    {
        if (IsZip(bytes)) return Failed(T["This file is an Excel workbook, not a CSV file: give it the .xlsx extension."]);
        var (text, encodingName) = Decode(bytes);
        if (text is null) return Failed(T["This file is not a text file: a CSV file holds text only."]);
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var firstLine = text.Split('\n').FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        if (firstLine is null) return Failed(T["The file holds no row."]);
        var separator = DetectSeparator(firstLine);

        var problems = new List<ImportIssue>();
        var records = new List<(int Line, string[] Cells, string Raw)>();
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            TrimWhitespace = false,
            MaxRecordSize = Math.Max(1 << 20, _limits.MaxCellLength * _limits.MaxColumns * 4),
            OnMalformedRecord = record => problems.Add(new((int)record.LineNumber, "", ImportSeverity.Error,
                T["A quotation mark is misplaced in this row: a cell that holds quotes must be wholly quoted, with its quotes doubled."])),
        };
        try
        {
            using var csv = CsvReader.FromText(text, options);
            while (csv.Read())
            {
                if (records.Count > _limits.MaxRows + 1)
                {
                    problems.Add(ImportIssue.File(T["The file has more than {0} rows: split it into several files.", _limits.MaxRows]));
                    break;
                }
                var cells = new string[csv.FieldCount];
                for (var i = 0; i < cells.Length; i++) cells[i] = csv.GetString(i);
                records.Add(((int)csv.LineNumber, cells, Encoding.UTF8.GetString(csv.RawRecord)));
            }
        }
        catch (Exception e) when (e is CsvFormatException or InvalidDataException or ArgumentException)
        {
            problems.Add(ImportIssue.File(T["The file could not be read as CSV: {0}", e.Message.Split('\n')[0]]));
        }
        if (records.Count == 0) return new ImportTable { Problems = [.. problems, ImportIssue.File(T["The file holds no row."])] };

        var header = records[0];
        var other = separator == ';' ? ',' : ';';
        var rows = new List<ImportRow>();
        foreach (var (line, cells, raw) in records.Skip(1))
        {
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (cells.Length != header.Cells.Length)
            {
                var otherCount = raw.Split(other).Length;
                if (cells.Length == 1 && otherCount > 1)
                {
                    problems.Add(new(line, "", ImportSeverity.Error, T["This row is separated by '{0}' while the header row uses '{1}': save the file again with one separator.", other, separator]));
                    continue;
                }
                if (cells.Length > header.Cells.Length && cells.Skip(header.Cells.Length).Any(c => !string.IsNullOrWhiteSpace(c)))
                    problems.Add(new(line, "", ImportSeverity.Error, T["This row has {0} cells but the header row names {1} columns.", cells.Length, header.Cells.Length]));
            }
            rows.Add(new ImportRow(line, cells));
        }
        return Finish(header.Line, header.Cells, rows, problems, T["CSV file, separator '{0}', {1}", separator, encodingName]);
    }

    private static char DetectSeparator(string headerLine)
    {
        int Count(char c)
        {
            var n = 0;
            var quoted = false;
            foreach (var ch in headerLine)
            {
                if (ch == '"') quoted = !quoted;
                else if (ch == c && !quoted) n++;
            }
            return n;
        }
        var counts = new[] { ';', ',', '\t' }.Select(c => (Char: c, Count: Count(c))).ToList();
        var best = counts.OrderByDescending(c => c.Count).First();
        return best.Count == 0 ? ';' : best.Char;
    }

    /// <summary>UTF-8 (with or without a byte order mark), UTF-16 with its mark, else Windows-1252 as old Excel writes it.</summary>
    private static (string? Text, string Encoding) Decode(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..]) return (new UTF8Encoding(false, true).GetString(bytes, 3, bytes.Length - 3), "UTF-8");
        if (bytes is [0xFF, 0xFE, ..]) return (Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16");
        if (bytes is [0xFE, 0xFF, ..]) return (Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16");
        var sample = bytes.AsSpan(0, Math.Min(bytes.Length, 8192));
        if (sample.IndexOf((byte)0) >= 0) return (null, "");
        try
        {
            return (new UTF8Encoding(false, true).GetString(bytes), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(1252).GetString(bytes), "Windows-1252");
        }
    }

    // ---------------------------------------------------------------- XLSX

    private ImportTable ReadWorkbook(byte[] bytes)
    {
        if (!IsZip(bytes))
            return Failed(LooksLikeText(bytes)
                ? T["This file is not an Excel workbook (.xlsx) but text: if it is a CSV file, give it the .csv extension."]
                : T["This file is not an Excel workbook (.xlsx). Old .xls workbooks must be saved again as .xlsx."]);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            // A small file may unzip into a huge sheet: each part is bounded.
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = 200_000_000 });
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no sheet");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var dateStyles = DateStyles(workbook);
            return ReadSheet(part, strings, dateStyles, sheet.Name?.Value ?? "");
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or IOException or InvalidOperationException or ArgumentException or System.Xml.XmlException)
        {
            return Failed(T["This Excel workbook could not be read; open it and save it again as .xlsx ({0}).", e.GetType().Name]);
        }
    }

    private static bool LooksLikeText(byte[] bytes) => bytes.AsSpan(0, Math.Min(bytes.Length, 4096)).IndexOf((byte)0) < 0;

    private ImportTable ReadSheet(WorksheetPart part, string[] strings, HashSet<uint> dateStyles, string sheetName)
    {
        var problems = new List<ImportIssue>();
        var rows = new List<(int Number, Dictionary<int, string> Cells)>();
        var formulas = new List<(int Row, int Column)>();
        var tooWide = new HashSet<int>();
        using (var reader = OpenXmlReader.Create(part))
        {
            (int Number, Dictionary<int, string> Cells)? current = null;
            while (reader.Read())
            {
                if (reader.ElementType == typeof(Row) && reader.IsStartElement)
                {
                    if (rows.Count > _limits.MaxRows + 1)
                    {
                        problems.Add(ImportIssue.File(T["The sheet has more than {0} rows: split it into several files.", _limits.MaxRows]));
                        break;
                    }
                    var index = reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
                    var number = int.TryParse(index, out var n) ? n : (rows.Count == 0 ? 1 : rows[^1].Number + 1);
                    current = (number, new Dictionary<int, string>());
                    rows.Add(current.Value);
                }
                else if (reader.ElementType == typeof(Cell) && reader.IsStartElement && current is { } row)
                {
                    var cell = (Cell)reader.LoadCurrentElement()!;
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : (row.Cells.Count == 0 ? 0 : row.Cells.Keys.Max() + 1);
                    if (column >= _limits.MaxColumns)
                    {
                        if (!string.IsNullOrEmpty(cell.InnerText)) tooWide.Add(row.Number);
                        continue;
                    }
                    if (cell.CellFormula is not null) formulas.Add((row.Number, column));
                    var value = CellText(cell, strings, dateStyles);
                    if (!string.IsNullOrEmpty(value)) row.Cells[column] = value;
                }
            }
        }
        foreach (var number in tooWide)
            problems.Add(new(number, "", ImportSeverity.Error, T["This row has cells beyond column {0}; at most {1} columns are read.", ColumnName(_limits.MaxColumns - 1), _limits.MaxColumns]));

        var filled = rows.Where(r => r.Cells.Values.Any(v => !string.IsNullOrWhiteSpace(v))).ToList();
        if (filled.Count == 0) return new ImportTable { Problems = [.. problems, ImportIssue.File(T["The first sheet ('{0}') holds no row.", sheetName])] };
        var header = filled[0];
        var width = Math.Max(header.Cells.Keys.DefaultIfEmpty(-1).Max() + 1, filled.Max(r => r.Cells.Keys.DefaultIfEmpty(-1).Max() + 1));

        foreach (var merge in part.Worksheet?.Elements<MergeCells>().SelectMany(m => m.Elements<MergeCell>()) ?? [])
        {
            if (merge.Reference?.Value is not { } range || range.Split(':') is not [var from, var to]) continue;
            var (top, bottom) = (RowIndex(from), RowIndex(to));
            if (top <= header.Number && header.Number <= bottom)
                problems.Add(ImportIssue.File(T["The header row has merged cells ({0}): give each column its own header cell.", range]));
            else
                problems.Add(new(top, ColumnName(ColumnIndex(from)), ImportSeverity.Error, T["Cells {0} are merged: only the first one holds the value. Unmerge them and fill each cell.", range]));
        }

        var headerCells = Enumerable.Range(0, width).Select(i => header.Cells.GetValueOrDefault(i, "")).ToArray();
        foreach (var (row, column) in formulas)
            problems.Add(new(row, column < headerCells.Length && headerCells[column].Length > 0 ? headerCells[column] : ColumnName(column), ImportSeverity.Error,
                T["Cell {0}{1} holds a formula: copy the column and paste it as values only.", ColumnName(column), row]));

        var data = filled.Skip(1).Select(r => new ImportRow(r.Number, Enumerable.Range(0, width).Select(i => r.Cells.GetValueOrDefault(i, "")).ToArray())).ToList();
        return Finish(header.Number, headerCells, data, problems, T["Excel workbook, sheet '{0}'", sheetName]);
    }

    private static string CellText(Cell cell, string[] strings, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, out var i) && i >= 0 && i < strings.Length ? strings[i] : "";
        if (type == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        if (type == CellValues.Boolean) return raw == "1" ? "true" : "false";
        if (raw is null) return "";
        if ((type is null || type == CellValues.Number) && cell.StyleIndex?.Value is { } style && dateStyles.Contains(style)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            var date = DateTime.FromOADate(serial);
            return date.TimeOfDay == TimeSpan.Zero ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        }
        return raw;
    }

    /// <summary>The cell styles whose number format shows a date (built-in 14–22 and 45–47, or a custom format with d, m and y).</summary>
    private static HashSet<uint> DateStyles(WorkbookPart workbook)
    {
        var result = new HashSet<uint>();
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is null) return result;
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId is not null && f.FormatCode?.Value is { } code && IsDateFormat(code))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 45 and <= 47 || custom.Contains(id)) result.Add(index);
            index++;
        }
        return result;
    }

    private static bool IsDateFormat(string code)
    {
        var plain = new string(code.Where((c, i) => c != '\\').ToArray());
        plain = System.Text.RegularExpressions.Regex.Replace(plain, "\"[^\"]*\"|\\[[^\\]]*\\]", "").ToLowerInvariant();
        return plain.Contains('d') && plain.Contains('m') && plain.Contains('y') || plain.Contains('j') && plain.Contains('a');
    }

    public static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index - 1;
    }

    private static int RowIndex(string reference) => int.TryParse(new string(reference.SkipWhile(char.IsAsciiLetter).ToArray()), out var n) ? n : 0;

    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    // ---------------------------------------------------------------- both

    /// <summary>Checks the header (names present, distinct, not too many) and trims every cell.</summary>
    private ImportTable Finish(int headerRow, IReadOnlyList<string> headerCells, List<ImportRow> rows, List<ImportIssue> problems, string description)
    {
        var headers = headerCells.Select(h => h.Trim()).ToList();
        if (headers.Count > _limits.MaxColumns)
        {
            problems.Add(ImportIssue.File(T["The header row has {0} columns; at most {1} can be imported. Remove the columns you do not need.", headers.Count, _limits.MaxColumns]));
            return new ImportTable { Problems = problems, Description = description };
        }
        // Trailing columns without a header nor data are dropped.
        while (headers.Count > 0 && headers[^1].Length == 0 && rows.All(r => string.IsNullOrWhiteSpace(r.Cell(headers.Count - 1)))) headers.RemoveAt(headers.Count - 1);
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Length == 0)
            {
                if (rows.Any(r => !string.IsNullOrWhiteSpace(r.Cell(i))))
                    problems.Add(new(headerRow, ColumnName(i), ImportSeverity.Error, T["Column {0} has values but no header: give it a name.", ColumnName(i)]));
                continue;
            }
            var first = headers.FindIndex(h => string.Equals(h, headers[i], StringComparison.OrdinalIgnoreCase));
            if (first < i)
                problems.Add(new(headerRow, headers[i], ImportSeverity.Error, T["Columns {0} and {1} have the same header '{2}': rename one of them.", ColumnName(first), ColumnName(i), headers[i]]));
        }
        var trimmed = rows.Select(r => new ImportRow(r.Number, Enumerable.Range(0, headers.Count).Select(i => r.Cell(i).Trim()).ToArray())).ToList();
        foreach (var row in trimmed)
            for (var i = 0; i < headers.Count; i++)
                if (row.Cells[i].Length > _limits.MaxCellLength)
                    problems.Add(new(row.Number, headers[i].Length > 0 ? headers[i] : ColumnName(i), ImportSeverity.Error, T["This cell holds {0} characters; at most {1} are accepted.", row.Cells[i].Length, _limits.MaxCellLength]));
        return new ImportTable { Headers = headers, HeaderRow = headerRow, Rows = trimmed, Problems = problems, Description = description };
    }
}
