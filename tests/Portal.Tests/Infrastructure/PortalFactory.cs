using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>A whole site on a fresh database (SQLite in a temp folder, or a new PostgreSQL database).</summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.example";
    public const string AdminPassword = "Test-Passw0rd-Long";

    private readonly string? _postgresName;
    private readonly bool _ownsDirectory;
    private readonly Dictionary<string, string?> _settings;

    public string Provider { get; }
    public string DataDirectory { get; }
    public string? ConnectionString { get; }
    public CapturedLogs Logs { get; } = new();

    public Action<IServiceCollection>? ConfigureTestServices { get; init; }

    /// <summary>The host environment; WebApplicationFactory's default is Development, the README's run command is Production.</summary>
    public string? Environment { get; init; }

    public PortalFactory(string provider = "Sqlite", string? recipe = null, string? adminPassword = AdminPassword, string? dataDirectory = null, string? connectionString = null)
    {
        Provider = provider;
        _ownsDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(DataDirectory);
        _settings = new()
        {
            ["Portal:DataDirectory"] = DataDirectory,
            ["Portal:Setup:AdminEmail"] = AdminEmail,
            ["Portal:Setup:AdminPassword"] = adminPassword ?? "",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // The test server's own address, so that absolute links match the requests' (a test may set another).
            ["Portal:PublicUrl"] = "http://localhost",
        };
        // The base site by default: the seed recipes take seconds, and only their own tests need them.
        _settings["Portal:Setup:Recipe"] = recipe ?? "portal-base";
        if (provider == "Postgres")
        {
            if (connectionString is null)
            {
                ConnectionString = TestDatabases.CreatePostgresDatabase(out var name);
                _postgresName = name;
            }
            else ConnectionString = connectionString;
            _settings["Portal:Database:Provider"] = "Postgres";
            _settings["ConnectionStrings:Portal"] = ConnectionString;
        }
    }

    /// <summary>Sets a configuration value before the site starts (e.g. a shared SQLite file for two nodes).</summary>
    public PortalFactory WithSetting(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (Environment is not null) builder.UseEnvironment(Environment);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            ConfigureTestServices?.Invoke(services);
        });
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task WithScopeAsync(Func<IServiceProvider, Task> action) => WithScopeAsync(async sp => { await action(sp); return 0; });

    public Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> action) => WithScopeAsync(sp => action(sp.GetRequiredService<PortalDbContext>()));

    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        if (_postgresName is not null) TestDatabases.DropPostgresDatabase(_postgresName);
        if (_ownsDirectory) try { System.IO.Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
