using Portal.Core.Security;

namespace Portal.Outbox;

public sealed class Permissions : IPermissionProvider
{
    public const string ManageOutbox = "ManageOutbox";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageOutbox, "See outgoing mail (recipient, subject, errors) and resend or discard it."),
    ];
}
