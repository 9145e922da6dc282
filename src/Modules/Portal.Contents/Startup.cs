using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contents.Services;
using Portal.Core.Content.Fields;
using Portal.Core.Hosting;
using Portal.Core.Modules;

namespace Portal.Contents;

public sealed class Startup : IModuleStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions<Permissions>();
        services.AddScoped<ContentFormBinder>();
        services.AddScoped<ContentEditorBuilder>();
        services.AddScoped<CsvExport>();
        services.AddScoped<IFieldEditorDataProvider, ContentPickerEditorData>();
    }
}
