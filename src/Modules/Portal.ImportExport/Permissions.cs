using Portal.Core.Security;

namespace Portal.ImportExport;

public sealed class Permissions : IPermissionProvider
{
    public const string ImportContent = "ImportContent";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ImportContent, "Import directory entries from spreadsheets (as drafts, or published with the publish permission)."),
    ];
}
