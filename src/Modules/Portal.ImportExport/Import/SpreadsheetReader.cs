using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Portal.ImportExport.Import;

/// <summary>
/// Reads an .xlsx workbook (its first sheet) or a .csv file into an <see cref="ImportTable"/>. It never throws on a
/// bad file: what is wrong (empty, not what its extension says, too big, merged header cells, mixed separators,
/// too many columns, formulas) comes back as problems that name the row and column.
/// </summary>
public sealed partial class SpreadsheetReader(IOptions<ImportOptions> options, IStringLocalizer<SpreadsheetReader> T)
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
