using System.Net;
using Microsoft.Extensions.Logging;
using Npgsql;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Web;

/// <summary>The database going away and coming back, while the site keeps running (PostgreSQL behind a proxy the test cuts).</summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Without_its_database_the_site_answers_a_static_503_page_logs_little_and_recovers_by_itself()
    {
        if (TestDatabases.PostgresServer is null) return; // CI sets PORTAL_TEST_POSTGRES
        var direct = new NpgsqlConnectionStringBuilder(TestDatabases.CreatePostgresDatabase(out var name));
        using var proxy = new TcpProxy(direct.Host!, direct.Port);
        try
        {
            proxy.Start();
            var proxied = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 };
            // Without the page cache: a page it holds is still served during an outage, and this test is about what reaches the database.
            using var factory = new PortalFactory("Postgres", connectionString: proxied.ConnectionString).WithSetting("Portal:OutputCache:Enabled", "false");
            using var client = factory.CreateClient();
            (await client.GetAsync("/fr")).StatusCode.Should().Be(HttpStatusCode.OK);

            proxy.Stop();
            var logged = factory.Logs.Entries.Count;
            // What was read before the outage is still shown from memory: the home page visited above.
            (await client.GetAsync("/fr")).StatusCode.Should().Be(HttpStatusCode.OK, "the home page's items were read before the outage and kept in memory");
            // Pages that need the database (none of them read before the outage) get the static 503 page.
            string[] urls = ["/de", "/fr/recherche?q=repit", "/fr/nulle-part", "/de/kontakt"];
            var afterTen = 0;
            for (var i = 0; i < 50; i++)
            {
                if (i == 10)
                {
                    await Task.Delay(2000); // the background workers meet the outage too, and say so once
                    afterTen = Failures(factory, logged).Count;
                }
                using var response = await client.GetAsync(urls[i % urls.Length]);
                var body = await response.Content.ReadAsStringAsync();
                response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, urls[i % urls.Length]);
                response.Headers.Contains("Content-Security-Policy").Should().BeTrue("the 503 page keeps the security headers");
                body.Should().Contain("Service momentanément indisponible").And.Contain("Dienst vorübergehend nicht verfügbar")
                    .And.NotContain("Exception").And.NotContain("Npgsql").And.NotContain(" at ");
            }
            var errors = Failures(factory, logged);
            foreach (var (category, level, message) in errors) output.WriteLine($"{level} {category}: {message.Split('\n')[0]}");
            errors.Count(e => e.Category.Contains("Outage")).Should().Be(1, "one line says the database is down, not one per request");
            errors.Count.Should().Be(afterTen, "40 more failing requests add no log line: a repeated error is logged once a minute");
            errors.Count.Should().BeLessThanOrEqualTo(8);
            (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);

            proxy.Start();
            var status = HttpStatusCode.ServiceUnavailable;
            for (var i = 0; i < 60 && status != HttpStatusCode.OK; i++)
            {
                if (i > 0) await Task.Delay(250);
                status = (await client.GetAsync("/fr")).StatusCode;
            }
            status.Should().Be(HttpStatusCode.OK, "the site serves again as soon as the database answers, without a restart");
            (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            TestDatabases.DropPostgresDatabase(name);
        }
    }

    [Fact]
    public async Task Health_reports_a_database_that_hangs_within_a_few_seconds()
    {
        if (TestDatabases.PostgresServer is null) return; // CI sets PORTAL_TEST_POSTGRES
        var direct = new NpgsqlConnectionStringBuilder(TestDatabases.CreatePostgresDatabase(out var name));
        using var proxy = new TcpProxy(direct.Host!, direct.Port);
        try
        {
            proxy.Start();
            var proxied = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port };
            using var factory = new PortalFactory("Postgres", connectionString: proxied.ConnectionString);
            using var client = factory.CreateClient();
            (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);

            proxy.Stalled = true; // connections open at the TCP level, then nothing answers
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var health = await client.GetAsync("/health");
            health.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(8), "the check gives up after 3 seconds");
        }
        finally
        {
            TestDatabases.DropPostgresDatabase(name);
        }
    }

    private static List<(string Category, LogLevel Level, string Message)> Failures(PortalFactory factory, int skip) =>
        factory.Logs.Entries.Skip(skip).Where(e => e.Level >= LogLevel.Warning).ToList();
}
