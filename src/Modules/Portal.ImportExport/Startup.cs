using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Modules;

namespace Portal.ImportExport;

public sealed class Startup : IModuleStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRouteTable(OpenDataRoutes.Table);
        services.Configure<OpenDataOptions>(configuration.GetSection("Portal:OpenData"));
        services.AddScoped<DataInclusionExporter>();
        services.AddSingleton<IPortalCommand, ExportCommand>();
        services.AddScoped<ISiteNavigation, OpenDataNavigation>();
        services.AddScoped<ISitemapSource, OpenDataNavigation>();
        services.Configure<Import.ImportOptions>(configuration.GetSection("Portal:Import"));
        services.AddScoped<Import.SpreadsheetReader>();
        services.AddScoped<Import.ImportTargets>();
        services.AddScoped<Import.ImportMappingStore>();
        services.AddScoped<Import.ImportService>();
        services.AddModuleDbContext<Data.ImportExportDbContext, Data.SqliteImportExportDbContext, Data.PostgresImportExportDbContext>();
        services.AddSingleton<Jobs.ImportProgressBoard>();
        services.AddScoped<Jobs.ImportJobStore>();
        services.AddScoped<Jobs.ImportJobRunner>();
        services.AddBackgroundTaskHandler<Jobs.ImportAnalyseTaskHandler>();
        services.AddBackgroundTaskHandler<Jobs.ImportApplyTaskHandler>();
        services.AddScoped<Import.ImportReportWriter>();
        services.AddSingleton<IPortalCommand, ImportCommand>();
        services.AddPermissions<Permissions>();
        services.AddScoped<IAdminMenu, ImportAdminMenu>();
    }
}

/// <summary>The open data page, in the footer.</summary>
public sealed class OpenDataNavigation(Microsoft.Extensions.Localization.IStringLocalizer<OpenDataNavigation> T) : ISiteNavigation, ISitemapSource
{
    public IEnumerable<IReadOnlyDictionary<string, string>> GetPages(IReadOnlyList<string> cultures) => [SitemapPages.Of(cultures, Controllers.OpenDataController.PagePath)];

    public Task<IEnumerable<NavigationItem>> GetItemsAsync(string culture) =>
        Task.FromResult<IEnumerable<NavigationItem>>([new(T["Open data"], Controllers.OpenDataController.PagePath(culture), NavigationArea.Footer, 900)]);
}

public sealed class ImportAdminMenu(Microsoft.Extensions.Localization.IStringLocalizer<ImportAdminMenu> T) : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() => [new(T["Import"], "/admin/import", Permissions.ImportContent, 250)];
}
