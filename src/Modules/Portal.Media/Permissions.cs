using Portal.Core.Security;

namespace Portal.Media;

public sealed class Permissions : IPermissionProvider
{
    public const string ManageMedia = "ManageMedia";

    public IEnumerable<Permission> GetPermissions() => [new(ManageMedia, "Upload, describe, replace and delete the files of the media library.")];
}
