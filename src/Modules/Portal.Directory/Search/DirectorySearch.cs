using Portal.Search.Services;

namespace Portal.Directory.Search;

/// <summary>What the directory gives the search: its types, its facets (titles are English message ids), its stored texts and map markers.
/// Titles, wordings and legends are English message ids, translated in this module's PO files.</summary>
public static class DirectorySearch
{
    /// <summary>The vocabulary of communes (its leaves), départements and regions.</summary>
    public const string Territories = "territories";
    /// <summary>The organisation an offer belongs to, shown as "by …".</summary>
    public const string ActorStored = "actor";
    public const string CommuneStored = "commune";
    /// <summary>Address, contact and hours: shown only in the printable list of results.</summary>
    public const string AddressStored = "address", ContactStored = "contact", HoursStored = "hours";
    public const string CommuneFacet = "commune";
    public const string TerritoryFacet = "territory";

    public static void Configure(SearchOptions options)
    {
        options.IndexedTypes.InsertRange(0, DirectoryTypes.All.Where(t => !options.IndexedTypes.Contains(t)));
        options.VerifiedField ??= "LastVerified";
        options.Facets.AddRange(
        [
            new() { Name = "domain", Title = "Domain", Vocabulary = "domains", Fields = ["Domains"], WithAncestors = true },
            new() { Name = "disability", Title = "Disability", Vocabulary = "disability-types", Fields = ["DisabilityTypes"] },
            new() { Name = "audience", Title = "Audience", Vocabulary = "audiences", Fields = ["Audiences"] },
            new() { Name = "supportType", Title = "Type of support", Vocabulary = "support-types", Fields = ["SupportTypes"] },
            new() { Name = "typology", Title = "Type of organisation", Vocabulary = "structure-types", Fields = ["Typology"], WithAncestors = true },
            new() { Name = "fees", Title = "Fees", Vocabulary = "fees", Fields = ["Fees"] },
            new() { Name = "mode", Title = "How it is provided", Vocabulary = "reception-modes", Fields = ["ReceptionModes"] },
            new() { Name = "language", Title = "Language", Vocabulary = "languages", Fields = ["Languages"] },
            // The places, given by DirectoryPlaces: communes are the vocabulary's leaves, territories the départements and regions above them.
            new() { Name = TerritoryFacet, Title = "Département or region", Vocabulary = Territories },
            new() { Name = CommuneFacet, Title = "Commune", Vocabulary = Territories },
        ]);
        options.StoredFields.AddRange(
        [
            new() { Name = ActorStored, HitText = "by {0}", HitOrder = 2 },
            new() { Name = CommuneStored, HitText = "{0}", HitOrder = 1, InShortLists = true },
            new() { Name = AddressStored, HitText = "Address: {0}", HitOrder = 10, PrintOnly = true },
            new() { Name = ContactStored, HitText = "Contact: {0}", HitOrder = 11, PrintOnly = true },
            new() { Name = HoursStored, HitText = "Hours: {0}", HitOrder = 12, PrintOnly = true },
        ]);
        options.Markers.AddRange(
        [
            new() { Category = "actor", Types = [DirectoryTypes.Actor], Shape = "circle", Legend = "Organisation (circle)" },
            new() { Category = "action", Types = [DirectoryTypes.Action], Shape = "square", Legend = "Activity or service (square)" },
            new() { Category = "support", Types = [DirectoryTypes.AidantSupport], Shape = "triangle", Legend = "Support for caregivers (triangle)" },
        ]);
    }
}
