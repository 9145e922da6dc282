using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel;

public sealed class SetupTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Fact]
    public async Task Without_a_configured_password_setup_generates_a_strong_one_and_logs_it_once()
    {
        using var factory = new PortalFactory(adminPassword: null);
        factory.CreateClient().Dispose();

        var lines = factory.Logs.Entries.Where(e => e.Message.Contains("generated password")).ToList();
        lines.Should().ContainSingle().Which.Level.Should().Be(LogLevel.Warning);
        var password = Regex.Match(lines[0].Message, "generated password \"?([^\"\\s]+)").Groups[1].Value;
        password.Length.Should().BeGreaterThanOrEqualTo(20);

        using var browser = factory.CreateBrowser();
        (await browser.SignInAsync(password: password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var other = factory.CreateBrowser();
        (await other.SignInAsync(password: PortalFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.BadRequest, "no fixed password opens the account");
    }

    [Fact]
    public async Task Two_sites_set_up_without_a_password_get_different_ones()
    {
        using var a = new PortalFactory(adminPassword: null);
        using var b = new PortalFactory(adminPassword: null);
        a.CreateClient().Dispose();
        b.CreateClient().Dispose();
        string Password(PortalFactory f) => Regex.Match(f.Logs.Entries.Single(e => e.Message.Contains("generated password")).Message, "generated password \"?([^\"\\s]+)").Groups[1].Value;
        Password(a).Should().NotBe(Password(b));
        await Task.CompletedTask;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_second_start_does_not_set_up_again(string provider)
    {
        var directory = System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"))).FullName;
        string? database = null;
        var connection = provider == "Postgres" ? TestDatabases.CreatePostgresDatabase(out database) : null;
        try
        {
            int users, items;
            using (var first = new PortalFactory(provider, dataDirectory: directory, connectionString: connection))
            {
                first.CreateClient().Dispose();
                users = await first.WithDbAsync(db => db.Users.CountAsync());
                items = await first.WithDbAsync(db => db.ContentItems.CountAsync());
                // Remove one of the recipe's pages: a second setup would bring it back.
                await first.WithDbAsync(db => db.ContentItems.Where(i => i.ContentItemId == "page-about-de").ExecuteDeleteAsync());
            }

            using var second = new PortalFactory(provider, dataDirectory: directory, connectionString: connection, adminPassword: null);
            second.CreateClient().Dispose();

            second.Logs.Entries.Should().NotContain(e => e.Message.Contains("Site set up"));
            (await second.WithDbAsync(db => db.Users.CountAsync())).Should().Be(users);
            (await second.WithDbAsync(db => db.ContentItems.CountAsync())).Should().Be(items - 1);
        }
        finally
        {
            if (database is not null) TestDatabases.DropPostgresDatabase(database);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { System.IO.Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}
