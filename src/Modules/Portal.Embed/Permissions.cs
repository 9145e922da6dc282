using Portal.Core.Security;

namespace Portal.Embed;

public sealed class Permissions : IPermissionProvider
{
    public const string ManageEmbeds = "ManageEmbeds";

    public IEnumerable<Permission> GetPermissions() => [new(ManageEmbeds, "Create and change the widgets other sites embed, and see their use.")];
}
