using Portal.Media.Fields;
using Portal.Media.Services;
using Portal.Search.Indexing;

namespace Portal.Resources.Services;

/// <summary>A resource is found by what its PDF says: the text of every page goes into its search document.</summary>
public sealed class ResourceDocumentContributor(MediaLibrary library, DocumentText documents) : ISearchIndexContributor
{
    public async Task ContributeAsync(SearchIndexContext context)
    {
        if (context.Item.ContentType != ResourceTypes.Resource) return;
        foreach (var id in MediaPickerFieldType.Ids(context.Item.Field(ResourceTypes.Resource, "File")))
        {
            var media = await library.FindAsync(id);
            if (media is null) continue;
            foreach (var page in await documents.PagesAsync(media)) context.AddText(page.Text);
        }
    }
}
