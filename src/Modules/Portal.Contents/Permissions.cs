using Portal.Core.Security;

namespace Portal.Contents;

public sealed class Permissions : IPermissionProvider
{
    public const string EditContent = "EditContent";
    public const string PublishContent = "PublishContent";
    public const string DeleteContent = "DeleteContent";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(EditContent, "Create and change content, saved as drafts."),
        new(PublishContent, "Publish and unpublish content."),
        new(DeleteContent, "Delete content."),
    ];
}
