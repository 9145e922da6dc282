using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content.Fields;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Modules;
using Portal.Core.Security;
using Portal.Media.Data;
using Portal.Media.Fields;
using Portal.Media.Services;

namespace Portal.Media;

public sealed class Startup : IModuleStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MediaOptions>(configuration.GetSection("Portal:Media"));
        services.AddModuleDbContext<MediaDbContext, SqliteMediaDbContext, PostgresMediaDbContext>();
        services.AddSingleton<IMediaStore, FileSystemMediaStore>();
        services.AddSingleton<ImageProcessor>();
        services.AddScoped<MediaUsage>();
        services.AddScoped<MediaLibrary>();
        services.AddContentField<MediaPickerFieldType>();
        services.AddScoped<IFieldEditorDataProvider, MediaPickerEditorData>();
        services.AddScoped<IFieldEditorDataProvider, RichTextImages>();
        services.AddPermissions<Permissions>();
        services.AddScoped<IAdminMenu, AdminMenu>();
        services.AddScoped<Backup.SiteBackup>();
        services.AddSingleton<IPortalCommand, Backup.BackupCommand>();
        services.AddSingleton<IPortalCommand, Backup.RestoreCommand>();
    }
}
