using Portal.Core.Security;

namespace Portal.Search;

public sealed class Permissions : IPermissionProvider
{
    public const string ManageSearch = "ManageSearch";
    public const string ManageSynonyms = "ManageSynonyms";
    public const string ViewSearchInsights = "ViewSearchInsights";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageSearch, "See the search index and rebuild it."),
        new(ManageSynonyms, "Add, change and delete the synonyms searches use."),
        new(ViewSearchInsights, "See what visitors search for (counts per week, without who searched)."),
    ];
}
