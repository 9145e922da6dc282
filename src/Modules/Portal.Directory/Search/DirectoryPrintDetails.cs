using Portal.Core.Content;
using Portal.Core.Content.Parts;
using Microsoft.Extensions.Localization;
using Portal.Core.Localization;
using Portal.Directory.OpeningHours;
using Portal.Directory.Services;
using Portal.Search.Indexing;

namespace Portal.Directory.Search;

/// <summary>
/// What the printable list of results shows of an entry: its address, how to reach it and its hours; an offer without
/// an address or a contact of its own shows its organisation's.
/// </summary>
public sealed class DirectoryPrintDetails(Cultures cultures, IStringLocalizer<DirectoryPresenter> T) : ISearchIndexContributor
{
    public async Task ContributeAsync(SearchIndexContext context)
    {
        var item = context.Item;
        var address = item.As<AddressPart>();
        var contact = item.As<ContactPart>();
        var own = item.Part(item.ContentType);
        string? Text(string field) => own?[field]?["Text"]?.GetValue<string>() is { Length: > 0 } text ? text : null;
        var where = Join(", ", address.Street.Text, Join(" ", address.Postcode.Text, address.Commune.Text));
        var reach = Join(" · ", contact.Phone.Phone, contact.Email.Email, contact.Website.Url);
        if ((where is null || reach is null) && context.Related is { } related && await context.DocumentOfAsync(related) is { } organisation)
        {
            where ??= organisation.Stored.GetValueOrDefault(DirectorySearch.AddressStored);
            reach ??= organisation.Stored.GetValueOrDefault(DirectorySearch.ContactStored);
        }
        context.SetStored(DirectorySearch.AddressStored, where);
        context.SetStored(DirectorySearch.ContactStored, reach);
        context.SetStored(DirectorySearch.HoursStored, Text("OpeningHours") is { } hours ? Readable(hours, context.Culture) : Text("Schedule"));
    }

    /// <summary>"lundi, mercredi, vendredi : 14 h – 18 h; …" in the entry's language; a string the parser can't read is kept as given.</summary>
    private string Readable(string hours, string culture) => cultures.In(culture, () =>
    {
        var display = OpeningHoursDisplay.For(OpeningHoursParser.Parse(hours), culture, T);
        if (!display.Readable) return hours;
        return string.Join("; ", display.Rows.Select(r => T["{0}: {1}", r.Days, r.Hours].Value).Concat(display.Notes));
    });

    private static string? Join(string separator, params string?[] parts) =>
        parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList() is { Count: > 0 } filled ? string.Join(separator, filled) : null;
}
