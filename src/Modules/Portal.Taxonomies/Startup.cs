using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Core.Hosting;
using Portal.Core.Modules;
using Portal.Taxonomies.Fields;
using Portal.Taxonomies.Recipes;
using Portal.Taxonomies.Services;

namespace Portal.Taxonomies;

public sealed class Startup : IModuleStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<VocabularyValidator>();
        services.AddScoped<VocabularyStore>();
        services.AddContentJournalObserver<VocabularyReadModel>();
        services.AddContentField<TaxonomyTermsFieldType>();
        services.AddScoped<IFieldEditorDataProvider, TaxonomyEditorData>();
        services.AddRecipeStep<TaxonomiesStep>();
        services.AddDataMigration<Migrations>();
        services.AddPermissions<Permissions>();
        services.AddScoped<IAdminMenu, AdminMenu>();
    }
}
