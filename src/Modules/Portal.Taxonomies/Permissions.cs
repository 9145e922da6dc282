using Portal.Core.Security;

namespace Portal.Taxonomies;

public sealed class Permissions : IPermissionProvider
{
    public const string ManageTaxonomies = "ManageTaxonomies";

    public IEnumerable<Permission> GetPermissions() => [new(ManageTaxonomies, "Edit vocabularies and their terms.")];
}
