namespace Portal.Search.Indexing;

/// <summary>
/// Adds to the search document of an item, after every field has had its say: a module's view of a part, of the
/// relations between its types or of its places. Registered with <c>services.AddScoped&lt;ISearchIndexContributor, …&gt;()</c>;
/// contributors run in registration order.
/// </summary>
public interface ISearchIndexContributor
{
    Task ContributeAsync(SearchIndexContext context);
}

/// <summary>Adds to the search document what one field of a given field type holds (its text, its facet values, its point).</summary>
public interface ISearchFieldContributor
{
    /// <summary>The field type it reads, e.g. "Markdown" or "TaxonomyTerms".</summary>
    string FieldType { get; }

    Task ContributeAsync(SearchIndexContext context, SearchField field);
}
