using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;

namespace Portal.Embed;

public sealed class AdminMenu(IStringLocalizer<AdminMenu> T) : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() => [new(T["Integrations"], "/admin/embed", Permissions.ManageEmbeds, 160)];
}
