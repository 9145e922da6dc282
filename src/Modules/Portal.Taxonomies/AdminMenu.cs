using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;

namespace Portal.Taxonomies;

public sealed class AdminMenu(IStringLocalizer<AdminMenu> T) : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() => [new(T["Vocabularies"], "/admin/taxonomies", Permissions.ManageTaxonomies, 200)];
}
