using System.Globalization;

namespace Portal.Search.Indexing;

/// <summary>The date field named by <see cref="Services.SearchOptions.VerifiedField"/> is the "last verified" date that sort=updated reads.</summary>
public sealed class VerifiedDateContributor : ISearchFieldContributor
{
    public string FieldType => "Date";

    public Task ContributeAsync(SearchIndexContext context, SearchField field)
    {
        if (field.Name == context.Options.VerifiedField
            && DateTime.TryParse(field.Value["Value"]?.GetValue<string>(), CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var verified))
            context.SetLastVerified(verified);
        return Task.CompletedTask;
    }
}
