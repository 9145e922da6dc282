namespace Portal.ImportExport.Import;

/// <summary>A spreadsheet as read: its header cells and its data rows, each with its row number in the file.</summary>
public sealed class ImportTable
{
    public IReadOnlyList<string> Headers { get; init; } = [];
    /// <summary>The row number of the header in the file (1 for the first line).</summary>
    public int HeaderRow { get; init; } = 1;
    public IReadOnlyList<ImportRow> Rows { get; init; } = [];
    /// <summary>What makes the whole file unusable, or a cell unusable (a formula), found while reading.</summary>
    public IReadOnlyList<ImportIssue> Problems { get; init; } = [];
    /// <summary>How the file was read, for the report ("CSV, ';', UTF-8" or "Excel workbook, sheet 'Actions'").</summary>
    public string Description { get; init; } = "";
}

public sealed record ImportRow(int Number, IReadOnlyList<string> Cells)
{
    public string Cell(int column) => column < Cells.Count ? Cells[column] : "";
    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
}

public enum ImportSeverity { Error, Warning }

/// <summary>One message of the report: row 0 is about the whole file; an empty column about the whole row.</summary>
public sealed record ImportIssue(int Row, string Column, ImportSeverity Severity, string Message, IReadOnlyList<string>? Suggestions = null)
{
    public static ImportIssue File(string message) => new(0, "", ImportSeverity.Error, message);
}

/// <summary>The limits of one import (Portal:Import).</summary>
public sealed class ImportOptions
{
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;
    public int MaxColumns { get; set; } = 100;
    public int MaxRows { get; set; } = 20_000;
    public int MaxCellLength { get; set; } = 10_000;

    // What a workbook may unpack into: a small .xlsx can hold gigabytes of repeated text.
    /// <summary>Unpacked bytes of one sheet or of the shared strings.</summary>
    public long MaxPartBytes { get; set; } = 100 * 1024 * 1024;
    /// <summary>Unpacked bytes of any other part (styles, workbook, relationships), which are read whole.</summary>
    public long MaxOtherPartBytes { get; set; } = 5 * 1024 * 1024;
    /// <summary>Unpacked bytes of the whole workbook.</summary>
    public long MaxWorkbookBytes { get; set; } = 200 * 1024 * 1024;
    public int MaxSharedStrings { get; set; } = 1_000_000;
    public long MaxSharedStringCharacters { get; set; } = 20_000_000;
    /// <summary>Characters of one cell, as in Excel.</summary>
    public int MaxCellCharacters { get; set; } = 32_767;
    /// <summary>Characters of all the cells read from the sheet.</summary>
    public long MaxSheetCharacters { get; set; } = 30_000_000;
}
