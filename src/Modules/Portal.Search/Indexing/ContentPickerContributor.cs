using Portal.Core.Content.Fields;

namespace Portal.Search.Indexing;

/// <summary>
/// An item that points at another (an offer at its organisation) is found by the other's name too: the first
/// published item its pickers name becomes the context's <see cref="SearchIndexContext.Related"/>.
/// </summary>
public sealed class ContentPickerContributor : ISearchFieldContributor
{
    public string FieldType => "ContentPicker";

    public async Task ContributeAsync(SearchIndexContext context, SearchField field)
    {
        if (!context.FollowReferences || context.Related is not null) return;
        foreach (var id in ContentPickerFieldType.Ids(field.Value))
        {
            var related = await context.FindPublishedAsync(id);
            if (related is null) continue;
            context.Related = related;
            context.AddText(related.DisplayText);
            return;
        }
    }
}
