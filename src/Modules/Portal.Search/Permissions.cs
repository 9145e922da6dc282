using Portal.Core.Security;

namespace Portal.Search;

public sealed class Permissions : IPermissionProvider
{
    public const string ManageSearch = "ManageSearch";
    public const string ManageSynonyms = "ManageSynonyms";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageSearch, "See the search index and rebuild it."),
        new(ManageSynonyms, "Add, change and delete the synonyms searches use."),
    ];
}
