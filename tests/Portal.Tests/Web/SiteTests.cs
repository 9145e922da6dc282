using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

public sealed class SiteTests(SharedSite site) : IClassFixture<SharedSite>
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/fr")]
    [InlineData("/de")]
    [InlineData("/fr/a-propos")]
    [InlineData("/de/ueber-das-portal")]
    [InlineData("/admin/login")]
    public async Task Pages_of_a_new_site_answer(string url)
    {
        (await site.Factory.CreateClient().GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Pages_speak_their_language_and_link_their_translation()
    {
        var client = site.Factory.CreateClient();
        var fr = await client.GetStringAsync("/fr/a-propos");
        fr.Should().Contain("<html lang=\"fr\">").And.Contain("hreflang=\"de\" href=\"http://localhost/de/ueber-das-portal\"").And.Contain("Aller au contenu");
        var de = await client.GetStringAsync("/de/ueber-das-portal");
        de.Should().Contain("<html lang=\"de\">").And.Contain("hreflang=\"fr\" href=\"http://localhost/fr/a-propos\"").And.Contain("Zum Inhalt springen");
    }

    [Fact]
    public async Task The_root_sends_visitors_to_their_language()
    {
        var client = site.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd("de-DE,de;q=0.9");
        (await client.SendAsync(request)).Headers.Location!.ToString().Should().Be("/de");
        (await client.GetAsync("/")).Headers.Location!.ToString().Should().Be("/fr");
    }

    [Theory]
    [InlineData("/fr/nulle-part", "Page introuvable")]
    [InlineData("/de/nirgendwo", "Seite nicht gefunden")]
    [InlineData("/fr/ueber-das-portal", "Page introuvable")]
    public async Task Unknown_pages_get_a_proper_404_page_in_the_visitors_language(string url, string heading)
    {
        var response = await site.Factory.CreateClient().GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain(heading);
    }

    [Fact]
    public async Task Health_is_503_when_the_database_is_unreachable()
    {
        // A site pointed at a port where no database listens.
        using var broken = new UnreachableDatabaseFactory();
        var response = await broken.CreateClient().GetAsync("/health");
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var page = await broken.CreateClient().GetAsync("/fr");
        page.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await page.Content.ReadAsStringAsync()).Should().NotContain("Exception").And.NotContain("   at ");
        broken.Logs.Entries.Should().Contain(e => e.Message.Contains("database is unreachable"));
    }

    [Fact]
    public async Task Security_headers_are_sent()
    {
        var response = await site.Factory.CreateClient().GetAsync("/fr");
        response.Headers.GetValues("X-Content-Type-Options").Should().Contain("nosniff");
        response.Headers.GetValues("X-Frame-Options").Should().Contain("DENY");
    }

    [Fact]
    public async Task The_recipe_command_refuses_a_malformed_file_naming_the_step_and_changes_nothing()
    {
        var directory = System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var ok = await RunHostAsync(directory, "recipe", "portal-base");
            ok.ExitCode.Should().Be(0, ok.Output);
            var database = Path.Combine(directory, "portal.db");
            var before = await File.ReadAllBytesAsync(database);
            var bad = Path.Combine(directory, "bad.recipe.json");
            await File.WriteAllTextAsync(bad, """{ "name": "bad", "steps": [ { "name": "Settings", "SiteName": "Changé" }, { "name": "Content", "data": [ { "ContentType": "Page" } ] } ] }""");

            var result = await RunHostAsync(directory, "recipe", bad);

            result.ExitCode.Should().NotBe(0);
            result.Output.Should().Contain("bad.recipe.json, step 2 (Content)").And.Contain("ContentItemId");
            var options = new DbContextOptionsBuilder<Portal.Core.Data.SqlitePortalDbContext>().UseSqlite($"Data Source={database};Pooling=False").Options;
            await using var db = new Portal.Core.Data.SqlitePortalDbContext(options);
            (await db.Documents.SingleAsync(d => d.Key == "SiteSettings")).Json.Should().NotContain("Changé");
            before.Length.Should().BeGreaterThan(0);
        }
        finally
        {
            try { System.IO.Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Runs the built host as an operator would, with `dotnet Portal.Web.dll …`.</summary>
    private static async Task<(int ExitCode, string Output)> RunHostAsync(string dataDirectory, params string[] args)
    {
        var host = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(host);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["Portal__DataDirectory"] = dataDirectory;
        start.Environment["Portal__Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Portal"] = "";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}

/// <summary>A site whose PostgreSQL server does not answer.</summary>
public sealed class UnreachableDatabaseFactory : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        builder.UseSetting("Portal:DataDirectory", Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N")));
        builder.UseSetting("Portal:Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Portal", "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2");
        builder.UseSetting("Portal:Setup:AdminPassword", PortalFactory.AdminPassword);
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs));
    }
}
