using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Hosting;
using Portal.Core.Settings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>
/// Two web nodes sharing one database, each with its own page cache kept for an hour: what one node publishes or
/// sets shows on the other's cached pages as soon as that node follows the journal, not when the hour is over.
/// </summary>
public sealed class PageCacheNodesTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_publish_or_a_setting_on_one_node_shows_on_the_other_nodes_cached_pages(string provider)
    {
        var root = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        string? database = null;
        var connection = provider == "Postgres" ? TestDatabases.CreatePostgresDatabase(out database) : null;
        try
        {
            PortalFactory Node(string name)
            {
                var node = new PortalFactory(provider, dataDirectory: Path.Combine(root, name), connectionString: connection)
                    .WithSetting(PageCache.SecondsSetting, "3600");
                if (provider == "Sqlite") node.WithSetting("ConnectionStrings:Portal", $"Data Source={Path.Combine(root, "shared.db")}");
                return node;
            }
            System.IO.Directory.CreateDirectory(root);
            using var first = Node("node-a");
            first.CreateClient().Dispose();
            using var second = Node("node-b");
            using var visitor = second.CreateClient();

            // The second node's pages, cached: a list read from the database and an answer of its search index.
            string[] urls = ["/sitemap.xml", "/api/search?culture=fr&q=zyxquorb"];
            foreach (var url in urls)
                (await CachedAsync(visitor, url)).Should().NotContainEquivalentOf("zyxquorb", $"{url} is answered from node B's cache");

            await first.WithScopeAsync(async sp =>
            {
                var manager = sp.GetRequiredService<IContentManager>();
                var item = await manager.NewAsync("Page");
                item.Data = JsonNode.Parse("""
                    { "TitlePart": { "Title": { "Text": "Permanence Zyxquorb" } }, "LocalizationPart": { "Culture": { "Text": "fr" } } }
                    """)!.AsObject();
                (await manager.CreateAsync(item, publish: true)).Succeeded.Should().BeTrue();
            });
            foreach (var url in urls)
                (await WaitForAsync(visitor, url, "zyxquorb")).Should().BeLessThan(Limit, $"{url} on node B shows what node A published");

            // A setting saved on node A: node B's cached home page takes the new name.
            (await CachedAsync(visitor, "/fr")).Should().NotContain("Portail Qwyxel");
            await first.WithScopeAsync(async sp =>
            {
                var documents = sp.GetRequiredService<IDocumentStore>();
                var settings = await documents.GetAsync<SiteSettings>(DocumentKeys.SiteSettings);
                settings.SiteName = "Portail Qwyxel";
                await documents.SaveAsync(DocumentKeys.SiteSettings, settings);
            });
            (await WaitForAsync(visitor, "/fr", "Portail Qwyxel")).Should().BeLessThan(Limit);
        }
        finally
        {
            if (database is not null) TestDatabases.DropPostgresDatabase(database);
            try { System.IO.Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// Asks until the answer comes from the cache (the node may still be settling: its index built at start evicts
    /// the cache once more); the cached answer's text.
    /// </summary>
    private static async Task<string> CachedAsync(HttpClient client, string url)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.OK, url);
            if (response.Headers.Age is not null) return await response.Content.ReadAsStringAsync();
            clock.Elapsed.Should().BeLessThan(Limit, $"{url} comes from the cache once the node has settled");
            await Task.Delay(50);
        }
    }

    /// <summary>Asks again until the answer holds the text; how long that took.</summary>
    private static async Task<TimeSpan> WaitForAsync(HttpClient client, string url, string text)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Limit)
        {
            var body = await client.GetStringAsync(url);
            if (body.Contains(text, StringComparison.OrdinalIgnoreCase)) return clock.Elapsed;
            await Task.Delay(50);
        }
        return clock.Elapsed;
    }
}
