using Portal.Core.Security;

namespace Portal.Users;

public sealed class Permissions : IPermissionProvider
{
    public const string AccessAdmin = "AccessAdmin";
    public const string ManageUsers = "ManageUsers";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(AccessAdmin, "Open the back office."),
        new(ManageUsers, "Create and change accounts and roles."),
    ];
}
