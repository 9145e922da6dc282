using Portal.Core.Content.Fields;

namespace Portal.Search.Indexing;

/// <summary>The first GeoPoint field with a value places the item on the map and for "near".</summary>
public sealed class GeoPointContributor : ISearchFieldContributor
{
    public string FieldType => "GeoPoint";

    public Task ContributeAsync(SearchIndexContext context, SearchField field)
    {
        if (context.Latitude is null && GeoPointFieldType.Read(field.Value) is { } point)
            context.SetLocation(point.Latitude, point.Longitude);
        return Task.CompletedTask;
    }
}
