using System.Text;
using Portal.Core.Content;
using Portal.Core.Content.Fields;

namespace Portal.Contents.Services;

/// <summary>
/// A back-office list as CSV or an Excel workbook. CSV: semicolons: semicolons (what French and German Excel expect), UTF-8 with a byte
/// order mark, every field of the type as plain text. A cell that a spreadsheet would read as a formula (starting
/// with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe, so that no formula runs.
/// </summary>
public sealed class CsvExport(Portal.Core.Localization.Cultures cultures, IContentDefinitionStore definitions, IEnumerable<IContentFieldType> fieldTypes,
    Microsoft.Extensions.Localization.IStringLocalizer<CsvExport> T)
{
    private static readonly string[] Skipped = ["TitlePart", "AutoroutePart", "LocalizationPart"];

    public async Task<byte[]> WriteAsync(ContentTypeDefinition type, IEnumerable<ContentItem> items, string culture, string siteUrl)
    {
        var (headers, rows) = await TableAsync(type, items, culture, siteUrl);
        var csv = new StringBuilder();
        csv.AppendJoin(';', headers.Select(Cell)).Append("\r\n");
        foreach (var row in rows)
            csv.AppendJoin(';', row.Select(Cell)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>The same list as an .xlsx workbook: one sheet, every cell as text (never a formula), the header row frozen.</summary>
    public async Task<byte[]> WriteWorkbookAsync(ContentTypeDefinition type, IEnumerable<ContentItem> items, string culture, string siteUrl)
    {
        var (headers, rows) = await TableAsync(type, items, culture, siteUrl);
        return XlsxWriter.Write(type.DisplayNameFor(culture, cultures), headers, rows.Select(r => r.Select(Neutralize).ToArray()));
    }

    private async Task<(string[] Headers, List<string?[]> Rows)> TableAsync(ContentTypeDefinition type, IEnumerable<ContentItem> items, string culture, string siteUrl)
    {
        var types = fieldTypes.ToDictionary(f => f.Name);
        // The headers in the list's language, from the PO files.
        var (title, language, status, modified) = cultures.In(culture, () => (T["Title"].Value, T["Language"].Value, T["Status"].Value, T["Modified"].Value));
        var columns = new List<(string Header, Func<ContentItem, string?> Value)>
        {
            ("id", i => i.ContentItemId),
            (title, i => i.DisplayText),
            (language, i => i.Culture),
            (status, i => i.Published ? ContentStatus.Published : i.Status),
            (modified, i => i.ModifiedUtc.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            ("url", i => i.Published && i.Path is not null ? $"{siteUrl}/{(i.Culture == "" ? culture : i.Culture)}/{i.Path}" : null),
        };
        foreach (var (typePart, part) in await definitions.GetPartsOfAsync(type))
        {
            if (Skipped.Contains(typePart.Name)) continue;
            foreach (var field in part.Fields.OrderBy(f => f.Position))
                if (types.TryGetValue(field.FieldType, out var fieldType))
                {
                    var partName = typePart.Name;
                    var fieldName = field.Name;
                    columns.Add((field.LabelFor(culture, cultures), i => fieldType.ToText(i.Field(partName, fieldName))));
                }
        }
        return (columns.Select(c => c.Header).ToArray(), items.Select(item => columns.Select(c => c.Value(item)).ToArray()).ToList());
    }

    /// <summary>A value a spreadsheet would take for a formula (=, +, -, @, tab, carriage return first) gets an apostrophe before it.</summary>
    public static string Neutralize(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        value = Neutralize(value);
        return value.IndexOfAny([';', '"', '\n', '\r', ',']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
