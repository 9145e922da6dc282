using Portal.Core.Content.Fields;
using Portal.Core.Content.Parts;

namespace Portal.Search.Indexing;

/// <summary>
/// Text, Markdown and Html fields are searched as plain text; the first Markdown or Html field (or a Text field named
/// Summary) gives the summary a hit shows. The title part is the title contributor's.
/// </summary>
public sealed class TextFieldContributor(IContentFieldType fieldType) : ISearchFieldContributor
{
    public const string SummaryFieldName = "Summary";

    public string FieldType => fieldType.Name;

    public Task ContributeAsync(SearchIndexContext context, SearchField field)
    {
        if (field.PartName == BuiltInParts.Title) return Task.CompletedTask;
        if (fieldType.ToText(field.Value) is { Length: > 0 } plain)
        {
            context.AddText(plain);
            if (fieldType.Name != "Text" || field.Name == SummaryFieldName) context.SetSummary(plain);
        }
        return Task.CompletedTask;
    }
}
