using Portal.Core.Security;

namespace Portal.Search;

public sealed class Permissions : IPermissionProvider
{
    public const string ManageSearch = "ManageSearch";

    public IEnumerable<Permission> GetPermissions() => [new(ManageSearch, "See the search index and rebuild it.")];
}
