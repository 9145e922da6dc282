using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Core.BackgroundTasks;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Core.Content.Parts;
using Portal.Core.Data;
using Portal.Core.DataMigrations;
using Portal.Core.Localization;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Recipes.Steps;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Setup;

namespace Portal.Core.Hosting;

public static class PortalServiceCollectionExtensions
{
    /// <summary>Registers the kernel, then lets every module, in dependency order, plug itself in.</summary>
    /// <summary>Registers a module's localized route segments (see <see cref="RouteTable"/>).</summary>
    public static IServiceCollection AddRouteTable(this IServiceCollection services, RouteTable table) => services.AddSingleton(table);

    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment, ModuleCatalog catalog)
    {
        var database = DatabaseOptions.From(configuration, environment.ContentRootPath);
        Directory.CreateDirectory(database.DataDirectory);
        services.AddSingleton(database);
        services.AddSingleton(catalog);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddPublicUrl(configuration).AddReverseProxy(configuration).AddSecurityHeaders(configuration);
        services.AddHttpEfficiency();
        var pageCacheWrites = services.AddPageCache(configuration);

        // The journal rows a node commits reach its own read models at the commit (ContentJournalLocalDispatch).
        // The options are built once for the site, not for each request (what they hold is the site's: its connection
        // string and its interceptors); a test adding an interceptor registers it for the site too.
        services.AddSingleton<ContentJournalLocalDispatch>();
        if (database.Provider == DatabaseProvider.Postgres)
            services.AddDbContext<PortalDbContext, PostgresPortalDbContext>((sp, o) => o.UseNpgsql(database.ConnectionString)
                .AddInterceptors(sp.GetRequiredService<ContentJournalLocalDispatch>(), pageCacheWrites), optionsLifetime: ServiceLifetime.Singleton);
        else
        {
            var writeAheadLog = new SqliteWriteAheadLog();
            services.AddDbContext<PortalDbContext, SqlitePortalDbContext>((sp, o) => o.UseSqlite(database.ConnectionString)
                .AddInterceptors(writeAheadLog, sp.GetRequiredService<ContentJournalLocalDispatch>(), pageCacheWrites), optionsLifetime: ServiceLifetime.Singleton);
        }

        services.AddDataProtection().SetApplicationName("Portal").PersistKeysToDbContext<PortalDbContext>();

        services.AddIdentity<PortalUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                // No lockout, which anyone could use to lock an account out: Portal.Users throttles attempts with growing delays.
                o.Lockout.AllowedForNewUsers = false;
                o.Lockout.MaxFailedAccessAttempts = int.MaxValue;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/admin/login";
            o.LogoutPath = "/admin/logout";
            o.AccessDeniedPath = "/admin/denied";
            o.Cookie.Name = ".Portal.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddRateLimiter(_ => { });
        services.AddPublicApi(configuration);
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();

        // Cultures: the catalogue (configuration Portal:Cultures), their route segments, and the PO files embedded in
        // every module (plus any file named in Portal:Localization:PoFiles, e.g. a language not shipped yet).
        var cultures = Cultures.FromConfiguration(configuration);
        services.AddSingleton(cultures);
        services.Configure<Microsoft.AspNetCore.Routing.RouteOptions>(o =>
        {
            o.ConstraintMap["culture"] = typeof(CultureRouteConstraint);
            o.ConstraintMap["localized"] = typeof(LocalizedSegmentConstraint);
            o.ConstraintMap["localizedexact"] = typeof(ExactLocalizedSegmentConstraint);
        });
        var poCatalog = PoCatalog.FromAssemblies(catalog.Modules.Select(m => m.Assembly).Append(typeof(PortalServiceCollectionExtensions).Assembly));
        foreach (var file in configuration.GetSection("Portal:Localization:PoFiles").GetChildren().Select(s => s.Value).OfType<string>())
            poCatalog.AddFile(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file));
        services.AddSingleton(poCatalog);
        services.AddLocalization();
        services.AddSingleton<IStringLocalizerFactory, PoStringLocalizerFactory>();
        services.AddTransient(typeof(IStringLocalizer<>), typeof(PoStringLocalizer<>));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(cultures.All[0].Formats, cultures.All[0].Interface);
            o.SupportedCultures = cultures.All.Select(c => c.Formats).Distinct().ToList();
            o.SupportedUICultures = cultures.All.Select(c => c.Interface).ToList();
            o.RequestCultureProviders = [new UrlCultureProvider(cultures), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        var mvc = services.AddControllersWithViews(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute()))
            .AddViewLocalization();
        foreach (var module in catalog.Modules.Where(m => m.Assembly != typeof(PortalServiceCollectionExtensions).Assembly))
            mvc.AddApplicationPart(module.Assembly);
        // Pages are UTF-8: French and German letters need no escaping (smaller pages, readable source).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // So are the APIs' answers: "é" is sent as two bytes, not as "\u00E9"; what HTML treats specially stays escaped.
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => o.JsonSerializerOptions.Encoder = PublicApi.JsonEncoder);
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => o.SerializerOptions.Encoder = PublicApi.JsonEncoder);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".Portal.Antiforgery";
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        // TempData (one-time notices): Secure on https like the other cookies, including when it is cleared.
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = ".Portal.Notice";
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        });

        // Content kernel.
        services.AddScoped<ActingUser>();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<PageMetadata>();
        services.AddScoped<IContentDefinitionStore, ContentDefinitionStore>();
        services.AddScoped<ContentWriteBatch>();
        services.AddScoped<IContentManager, ContentManager>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<ContentLabels>();
        services.AddScoped<IDocumentStore, DocumentStore>();
        services.AddContentJournalObserver<DocumentReadModel>();
        services.AddContentJournalObserver<ContentDefinitionReadModel>();
        services.AddContentJournalObserver<PublishedContentReads>();
        services.AddSingleton<IHtmlCleaner, HtmlCleaner>();
        services.AddContentField<TextFieldType>().AddContentField<HtmlFieldType>().AddContentField<MarkdownFieldType>()
            .AddContentField<NumericFieldType>().AddContentField<BooleanFieldType>()
            .AddContentField<LinkFieldType>().AddContentField<EmailFieldType>().AddContentField<PhoneFieldType>()
            .AddContentField<ContentPickerFieldType>().AddContentField<GeoPointFieldType>();
        services.AddSingleton<IContentFieldType>(new DateFieldType(withTime: false));
        services.AddSingleton<IContentFieldType>(new DateFieldType(withTime: true));
        services.AddContentHandler<TitlePartHandler>().AddContentHandler<LocalizationPartHandler>().AddContentHandler<AutoroutePartHandler>()
            .AddContentHandler<ContentChangeRecorder>()
            .AddContentHandler<AuditTrailRecorder>();
        services.AddDataMigration<CoreMigrations>();
        services.AddScoped<Portal.Core.Mail.IMailQueue, Portal.Core.Mail.MailQueue>();
        services.AddBackgroundTaskHandler<Portal.Core.Mail.MailSender>();

        // Recipes, setup, background work.
        services.AddSingleton<RecipeLocator>();
        services.AddScoped<RecipeExecutor>();
        services.AddSingleton<IPortalCommand, RecipeCommand>();
        services.AddRecipeStep<ContentDefinitionStep>().AddRecipeStep<SettingsStep>().AddRecipeStep<ContentStep>().AddRecipeStep<RecipesStep>();
        services.AddScoped<DataMigrationRunner>();
        services.AddScoped<SetupService>();
        services.AddSingleton<StartupState>();
        services.AddSingleton<StartupInitializer>();
        services.AddHostedService<StartupRetryService>();
        services.AddScoped<IBackgroundTaskQueue, BackgroundTaskQueue>();
        services.AddSingleton<BackgroundTaskProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundTaskProcessor>());
        services.AddSingleton<ContentJournalFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<ContentJournalFollower>());

        foreach (var module in catalog.Modules)
            foreach (var startup in module.Startups)
                startup.ConfigureServices(services, configuration);
        return services;
    }

    public static IServiceCollection AddContentField<T>(this IServiceCollection services) where T : class, IContentFieldType =>
        services.AddSingleton<IContentFieldType, T>();

    public static IServiceCollection AddContentHandler<T>(this IServiceCollection services) where T : class, IContentHandler =>
        services.AddScoped<IContentHandler, T>();

    /// <summary>A module's own settings: its store, and its share of the recipe's Settings step.</summary>
    public static IServiceCollection AddModuleSettings<T>(this IServiceCollection services) where T : class, Settings.IModuleSettings =>
        services.AddScoped<T>().AddScoped<Settings.IModuleSettings>(sp => sp.GetRequiredService<T>());

    public static IServiceCollection AddRecipeStep<T>(this IServiceCollection services) where T : class, IRecipeStep =>
        services.AddScoped<IRecipeStep, T>();

    public static IServiceCollection AddDataMigration<T>(this IServiceCollection services) where T : DataMigration =>
        services.AddScoped<DataMigration, T>();

    public static IServiceCollection AddPermissions<T>(this IServiceCollection services) where T : class, IPermissionProvider =>
        services.AddSingleton<IPermissionProvider, T>();

    public static IServiceCollection AddBackgroundTaskHandler<T>(this IServiceCollection services) where T : class, IBackgroundTaskHandler =>
        services.AddScoped<IBackgroundTaskHandler, T>();
}
