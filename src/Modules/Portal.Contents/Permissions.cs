using Portal.Core.Security;

namespace Portal.Contents;

public sealed class Permissions : IPermissionProvider
{
    public const string EditContent = "EditContent";
    public const string PublishContent = "PublishContent";
    public const string DeleteContent = "DeleteContent";
    public const string EditOwnContent = "EditOwnContent";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(EditContent, "Create and change content, saved as drafts."),
        new(PublishContent, "Publish and unpublish content."),
        new(DeleteContent, "Delete content."),
        new(EditOwnContent, "Create content and change the items one owns, saved as drafts."),
    ];
}
