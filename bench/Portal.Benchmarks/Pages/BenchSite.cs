using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Core.Hosting;
using Portal.Core.Modules;

namespace Portal.Benchmarks.Pages;

/// <summary>
/// The whole site as Program.cs composes it, on real Kestrel over loopback, in this process, with a bare endpoint
/// (<c>/bench-bare</c>, answered before any of the site's middleware) and a count of database commands per request.
/// </summary>
public sealed class BenchSite : IAsyncDisposable
{
    public const string BarePath = "/bench-bare";

    private readonly WebApplication _app;

    private BenchSite(WebApplication app, Uri address, DbCommandCounter counter)
    {
        _app = app;
        Address = address;
        Commands = counter;
    }

    /// <summary>Whether the search keeps its answers until the index changes (as the site does); false: every question answered anew.</summary>
    public static bool KeepAnswers { get; set; } = true;

    public Uri Address { get; }
    public DbCommandCounter Commands { get; }
    public IServiceProvider Services => _app.Services;

    /// <param name="withoutSearchWorker">Leaves the search index's worker out (a bulk load, whose index is rebuilt at the next start).</param>
    public static async Task<BenchSite> StartAsync(string dataDirectory, bool cache, bool withoutSearchWorker = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:DataDirectory"] = dataDirectory,
            ["Portal:Search:KeepAnswers"] = KeepAnswers ? "true" : "false",
            ["Portal:Setup:AdminEmail"] = "bench@bench.example",
            ["Portal:Setup:AdminPassword"] = "Bench-" + Guid.NewGuid().ToString("N"),
            ["Portal:Setup:Recipe"] = "grande-region",
            ["Portal:PublicUrl"] = "http://127.0.0.1",
            ["Portal:Api:RequestsPerMinute"] = "100000000",
            ["Portal:Import:MaxRows"] = "1000000",
            ["Portal:Import:MaxFileBytes"] = (1L << 30).ToString(CultureInfo.InvariantCulture),
            [PageCache.EnabledSetting] = cache ? "true" : "false",
        });
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPortal(builder.Configuration, builder.Environment, ModuleCatalog.FromReferences(typeof(Portal.Web.RepeatedLogFilter).Assembly));
        if (withoutSearchWorker)
            foreach (var worker in builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(Portal.Search.Services.SearchIndexer)).ToList())
                builder.Services.Remove(worker);
        var counter = new DbCommandCounter();
        var app = builder.Build();
        app.Map(BarePath, bare => bare.Run(context =>
        {
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync("ok");
        }));
        app.Use(async (context, next) =>
        {
            using var _ = counter.Armed ? counter.Track(context.Request.Path + context.Request.QueryString) : null;
            await next(context);
        });
        app.UsePortal();
        if (!await app.Services.GetRequiredService<StartupInitializer>().TryInitializeAsync(CancellationToken.None))
            throw new InvalidOperationException("The site could not be set up.");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchSite(app, new Uri(address), counter);
    }

    public async ValueTask DisposeAsync()
    {
        Commands.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
