using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.ImportExport.Import;

/// <summary>
/// The .xlsx half of the reader. A small workbook can unpack into gigabytes (a "zip bomb"): every part's unpacked size
/// is measured by reading it (the sizes the zip declares are not trusted), and the first sheet and the shared strings
/// are read as a stream with their text counted as it comes, so that a workbook past the limits is refused before it
/// costs memory.
/// </summary>
public sealed partial class SpreadsheetReader
{
    private sealed class TooLargeException(string message) : Exception(message);

    private ImportTable ReadWorkbook(byte[] bytes)
    {
        if (!IsZip(bytes))
            return Failed(LooksLikeText(bytes)
                ? T["This file is not an Excel workbook (.xlsx) but text: if it is a CSV file, give it the .csv extension."]
                : T["This file is not an Excel workbook (.xlsx). Old .xls workbooks must be saved again as .xlsx."]);
        try
        {
            MeasureParts(bytes);
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = _limits.MaxPartBytes });
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no sheet");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var strings = workbook.SharedStringTablePart is { } shared ? ReadSharedStrings(shared) : [];
            var dateStyles = DateStyles(workbook);
            return ReadSheet(part, strings, dateStyles, sheet.Name?.Value ?? "");
        }
        catch (TooLargeException e)
        {
            return Failed(e.Message);
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or IOException or InvalidOperationException or ArgumentException or XmlException)
        {
            return Failed(T["This Excel workbook could not be read; open it and save it again as .xlsx ({0}).", e.GetType().Name]);
        }
    }

    private static bool LooksLikeText(byte[] bytes) => bytes.AsSpan(0, Math.Min(bytes.Length, 4096)).IndexOf((byte)0) < 0;

    /// <summary>The sheets and the shared strings may be large; anything else (styles, workbook, relationships) is read whole, so it must stay small.</summary>
    private static bool IsStreamedPart(string name) =>
        name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) || name.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Unpacks every part into nothing, counting the bytes that really come out, and stops at the first limit passed.</summary>
    private void MeasureParts(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        var buffer = new byte[81920];
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            var limit = IsStreamedPart(entry.FullName) ? _limits.MaxPartBytes : _limits.MaxOtherPartBytes;
            if (entry.Length > limit) throw PartTooLarge(entry.FullName, limit);
            using var part = entry.Open();
            long size = 0;
            for (var read = part.Read(buffer); read > 0; read = part.Read(buffer))
            {
                size += read;
                total += read;
                if (size > limit) throw PartTooLarge(entry.FullName, limit);
                if (total > _limits.MaxWorkbookBytes)
                    throw new TooLargeException(T["This workbook unpacks to more than {0:0.#} MB, the limit: it cannot be imported. Save it again with the first sheet only, or split it into several files.", _limits.MaxWorkbookBytes / 1048576.0]);
            }
        }
    }

    private TooLargeException PartTooLarge(string part, long limit) =>
        new(T["The part {0} of this workbook unpacks to more than {1:0.#} MB, the limit: it cannot be imported. Save it again as .xlsx, or split it into several files.", part, limit / 1048576.0]);

    private XmlReader OpenXml(OpenXmlPart part) => XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = _limits.MaxPartBytes, CloseInput = true,
    });

    /// <summary>The workbook's table of texts, counted as it is read: how many, how long each, how long all together.</summary>
    private string[] ReadSharedStrings(SharedStringTablePart part)
    {
        var strings = new List<string>();
        var buffer = new char[8192];
        long total = 0;
        using var xml = OpenXml(part);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "si") continue;
            if (strings.Count >= _limits.MaxSharedStrings)
                throw new TooLargeException(T["This workbook holds more than {0} different texts, the limit: it cannot be imported. Split it into several files.", _limits.MaxSharedStrings]);
            var text = new StringBuilder();
            if (!ReadRichText(xml, text, buffer))
                throw new TooLargeException(T["A text of this workbook is longer than {0} characters, more than a spreadsheet cell holds: it cannot be imported.", _limits.MaxCellCharacters]);
            total += text.Length;
            if (total > _limits.MaxSharedStringCharacters)
                throw new TooLargeException(T["The texts of this workbook hold more than {0} characters together, the limit: it cannot be imported. Split it into several files.", _limits.MaxSharedStringCharacters]);
            strings.Add(text.ToString());
        }
        return strings.ToArray();
    }

    /// <summary>The text of the current element (a shared string or an inline string): its &lt;t&gt; runs, without phonetic guides.</summary>
    private bool ReadRichText(XmlReader xml, StringBuilder text, char[] buffer)
    {
        if (xml.IsEmptyElement) return true;
        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.LocalName == "rPh") SkipElement(xml);
            else if (xml.LocalName == "t" && !ReadText(xml, text, buffer)) return false;
        }
        return true;
    }

    /// <summary>Appends the current element's text in chunks; false as soon as it passes the cell limit.</summary>
    private bool ReadText(XmlReader xml, StringBuilder text, char[] buffer)
    {
        if (xml.IsEmptyElement) return true;
        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)) continue;
            for (var read = xml.ReadValueChunk(buffer, 0, buffer.Length); read > 0; read = xml.ReadValueChunk(buffer, 0, buffer.Length))
            {
                if (text.Length + read > _limits.MaxCellCharacters) return false;
                text.Append(buffer, 0, read);
            }
            // ReadValueChunk leaves the reader on the text node; the next Read moves past it.
        }
        return true;
    }

    private static void SkipElement(XmlReader xml)
    {
        if (xml.IsEmptyElement) return;
        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)) { }
    }

    private sealed class SheetCell
    {
        public string? Reference;
        public string? Type;
        public uint? Style;
        public bool Formula;
        public readonly StringBuilder Value = new();
        public readonly StringBuilder Inline = new();
    }

    private ImportTable ReadSheet(WorksheetPart part, string[] strings, HashSet<uint> dateStyles, string sheetName)
    {
        var problems = new List<ImportIssue>();
        var rows = new List<(int Number, Dictionary<int, string> Cells)>();
        var formulas = new List<(int Row, int Column)>();
        var merges = new List<string>();
        var tooWide = new HashSet<int>();
        var buffer = new char[8192];
        long characters = 0;
        using (var xml = OpenXml(part))
        {
            (int Number, Dictionary<int, string> Cells)? current = null;
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element) continue;
                if (xml.LocalName == "row")
                {
                    if (rows.Count > _limits.MaxRows + 1)
                    {
                        problems.Add(ImportIssue.File(T["The sheet has more than {0} rows: split it into several files.", _limits.MaxRows]));
                        break;
                    }
                    var number = int.TryParse(xml.GetAttribute("r"), out var n) ? n : (rows.Count == 0 ? 1 : rows[^1].Number + 1);
                    current = (number, new Dictionary<int, string>());
                    rows.Add(current.Value);
                }
                else if (xml.LocalName == "mergeCell" && xml.GetAttribute("ref") is { } range) merges.Add(range);
                else if (xml.LocalName == "c" && current is { } row)
                {
                    var cell = ReadCell(xml, buffer, row.Number);
                    var column = cell.Reference is { } reference ? ColumnIndex(reference) : (row.Cells.Count == 0 ? 0 : row.Cells.Keys.Max() + 1);
                    var value = CellText(cell, strings, dateStyles);
                    if (column >= _limits.MaxColumns)
                    {
                        if (!string.IsNullOrEmpty(value)) tooWide.Add(row.Number);
                        continue;
                    }
                    if (cell.Formula) formulas.Add((row.Number, column));
                    if (string.IsNullOrEmpty(value)) continue;
                    characters += value.Length;
                    if (characters > _limits.MaxSheetCharacters)
                        return Failed(T["The first sheet holds more than {0} characters, the limit: split it into several files.", _limits.MaxSheetCharacters]);
                    row.Cells[column] = value;
                }
            }
        }
        foreach (var number in tooWide)
            problems.Add(new(number, "", ImportSeverity.Error, T["This row has cells beyond column {0}; at most {1} columns are read.", ColumnName(_limits.MaxColumns - 1), _limits.MaxColumns]));

        var filled = rows.Where(r => r.Cells.Values.Any(v => !string.IsNullOrWhiteSpace(v))).ToList();
        if (filled.Count == 0) return new ImportTable { Problems = [.. problems, ImportIssue.File(T["The first sheet ('{0}') holds no row.", sheetName])] };
        var header = filled[0];
        var width = Math.Max(header.Cells.Keys.DefaultIfEmpty(-1).Max() + 1, filled.Max(r => r.Cells.Keys.DefaultIfEmpty(-1).Max() + 1));

        foreach (var range in merges)
        {
            if (range.Split(':') is not [var from, var to]) continue;
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

    /// <summary>Reads one &lt;c&gt; element: its reference, type, style, formula flag, value and inline text.</summary>
    private SheetCell ReadCell(XmlReader xml, char[] buffer, int row)
    {
        var cell = new SheetCell
        {
            Reference = xml.GetAttribute("r"), Type = xml.GetAttribute("t"),
            Style = uint.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var style) ? style : null,
        };
        if (xml.IsEmptyElement) return cell;
        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            var fits = xml.LocalName switch
            {
                "f" => Flag(cell) && SkipTo(xml),
                "v" => ReadText(xml, cell.Value, buffer),
                "is" => ReadRichText(xml, cell.Inline, buffer),
                _ => SkipTo(xml),
            };
            if (!fits)
                throw new TooLargeException(T["Cell {0} (row {1}) holds more than {2} characters, more than a spreadsheet cell holds: the file cannot be imported.", cell.Reference ?? "?", row, _limits.MaxCellCharacters]);
        }
        return cell;

        static bool Flag(SheetCell c) => c.Formula = true;
        static bool SkipTo(XmlReader reader)
        {
            SkipElement(reader);
            return true;
        }
    }

    private static string CellText(SheetCell cell, string[] strings, HashSet<uint> dateStyles)
    {
        var raw = cell.Value.Length == 0 ? null : cell.Value.ToString();
        switch (cell.Type)
        {
            case "s": return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Length ? strings[i] : "";
            case "inlineStr": return cell.Inline.ToString();
            case "b": return raw == "1" ? "true" : "false";
        }
        if (raw is null) return "";
        if (cell.Type is null or "n" && cell.Style is { } style && dateStyles.Contains(style)
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
}
