using Portal.Core.Security;

namespace Portal.Newsletter;

public sealed class Permissions : IPermissionProvider
{
    public const string ManageNewsletter = "ManageNewsletter";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageNewsletter, "Compose newsletter editions, send tests and send them to the subscribers (never see who they are)."),
    ];
}
