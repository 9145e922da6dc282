using Portal.Core.Security;

namespace Portal.Moderation;

public sealed class Permissions : IPermissionProvider
{
    public const string ReviewSubmissions = "ReviewSubmissions";
    public const string ViewFreshness = "ViewFreshness";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ReviewSubmissions, "See the review queue and take the workflow's transitions that the role allows."),
        new(ViewFreshness, "See the entries that have not been verified for a long time."),
    ];
}
