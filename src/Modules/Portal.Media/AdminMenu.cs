using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;

namespace Portal.Media;

public sealed class AdminMenu(IStringLocalizer<AdminMenu> T) : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() => [new(T["Media library"], "/admin/media", Permissions.ManageMedia, 150)];
}
