using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portal.Benchmarks.Relevance;

/// <summary>A whole site set up from a seed recipe, in process, on a throwaway SQLite database.</summary>
public sealed class RecipeSite(string recipe) : WebApplicationFactory<Portal.Web.RepeatedLogFilter>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "portal-relevance-" + Guid.NewGuid().ToString("N")[..8]);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        System.IO.Directory.CreateDirectory(_directory);
        // Views are compiled and static files are not served here: the program's folder (with the recipes) is root enough.
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseSetting("Portal:DataDirectory", _directory);
        builder.UseSetting("Portal:Setup:Recipe", recipe);
        builder.UseSetting("Portal:Setup:AdminEmail", "admin@relevance.example");
        builder.UseSetting("Portal:Setup:AdminPassword", "Rel-" + Guid.NewGuid().ToString("N"));
        builder.UseSetting("Portal:PublicUrl", "http://localhost");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseEnvironment("Production");
    }

    /// <summary>Starts the site (setup runs the recipe) and brings its indexes up to date.</summary>
    public async Task<IServiceProvider> StartAsync()
    {
        CreateClient().Dispose();
        await SiteSearch.CatchUpAsync(Services);
        return Services;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) try { System.IO.Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
