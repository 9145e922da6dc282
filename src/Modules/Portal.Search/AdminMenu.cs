using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;

namespace Portal.Search;

public sealed class AdminMenu(IStringLocalizer<AdminMenu> T) : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new(T["Search index"], "/admin/search", Permissions.ManageSearch, 300),
        new(T["Synonyms"], Controllers.SynonymAdminController.BasePath, Permissions.ManageSynonyms, 301),
        new(T["Search insights"], "/admin/search/insights", Permissions.ViewSearchInsights, 302),
    ];
}
