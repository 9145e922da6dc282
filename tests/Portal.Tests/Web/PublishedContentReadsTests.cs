using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Hosting;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>
/// Without the page cache, the published items a page shows (the home page's latest items, an entry's page) are read
/// from the database once and then from memory: a visit to the same page runs no command. What any node publishes,
/// changes or unpublishes shows at once on that node and on the others as soon as they follow the journal.
/// </summary>
public sealed class PublishedContentReadsTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Pages_read_published_items_from_memory_and_follow_every_nodes_changes(string provider)
    {
        var root = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        string? database = null;
        var connection = provider == "Postgres" ? TestDatabases.CreatePostgresDatabase(out database) : null;
        var counter = new CommandCounter();
        try
        {
            PortalFactory Node(string name, Action<IServiceCollection>? services = null)
            {
                var node = new PortalFactory(provider, dataDirectory: Path.Combine(root, name), connectionString: connection) { ConfigureTestServices = services }
                    .WithSetting(PageCache.EnabledSetting, "false");
                if (provider == "Sqlite") node.WithSetting("ConnectionStrings:Portal", $"Data Source={Path.Combine(root, "shared.db")}");
                return node;
            }
            System.IO.Directory.CreateDirectory(root);
            using var first = Node("node-a");
            using var editor = first.CreateClient();
            using var second = Node("node-b", counter.AddTo);
            using var visitor = second.CreateClient();

            var (id, path) = await first.WithScopeAsync(async sp =>
            {
                var manager = sp.GetRequiredService<IContentManager>();
                var item = await manager.NewAsync("Page");
                item.Data = JsonNode.Parse("""
                    { "TitlePart": { "Title": { "Text": "Permanence Quibrax" } }, "LocalizationPart": { "Culture": { "Text": "fr" } } }
                    """)!.AsObject();
                (await manager.CreateAsync(item, publish: true)).Succeeded.Should().BeTrue();
                var published = await manager.GetAsync(item.ContentItemId);
                return (item.ContentItemId, published!.Path!);
            });
            path.Should().NotBeNullOrEmpty();
            var page = "/fr/" + path;

            // Node B reads the database once for each page, then answers from memory.
            (await WaitForAsync(visitor, "/fr", "Permanence Quibrax")).Should().BeLessThan(Limit, "node B's home page lists what node A published");
            (await WaitForAsync(visitor, page, "Permanence Quibrax")).Should().BeLessThan(Limit);
            counter.Clear();
            (await visitor.GetStringAsync("/fr")).Should().Contain("Permanence Quibrax");
            (await visitor.GetStringAsync(page)).Should().Contain("Permanence Quibrax");
            counter.For("/fr").Should().Be(0, $"the home page's items come from memory:\n{string.Join("\n", counter.SqlOf("/fr"))}");
            counter.For(page).Should().Be(0, $"the entry's page comes from memory:\n{string.Join("\n", counter.SqlOf(page))}");

            // A new title published on node A: at once on node A, on node B once it follows the journal.
            await first.WithScopeAsync(async sp =>
            {
                var manager = sp.GetRequiredService<IContentManager>();
                var latest = (await manager.GetAsync(id, VersionOptions.Latest))!;
                var data = latest.Data.DeepClone().AsObject();
                data["TitlePart"]!["Title"]!["Text"] = "Permanence Quibrax renouvelée";
                (await manager.UpdateAsync(latest, data, latest.ConcurrencyStamp, publish: true)).Succeeded.Should().BeTrue();
            });
            (await editor.GetStringAsync(page)).Should().Contain("Permanence Quibrax renouvelée", "the node that published shows it at once");
            (await editor.GetStringAsync("/fr")).Should().Contain("Permanence Quibrax renouvelée");
            (await WaitForAsync(visitor, page, "Permanence Quibrax renouvelée")).Should().BeLessThan(Limit);
            (await WaitForAsync(visitor, "/fr", "Permanence Quibrax renouvelée")).Should().BeLessThan(Limit);

            // Unpublished on node A: gone from both nodes' pages.
            await first.WithScopeAsync(async sp => (await sp.GetRequiredService<IContentManager>().UnpublishAsync(id)).Succeeded.Should().BeTrue());
            (await editor.GetAsync(page)).StatusCode.Should().Be(HttpStatusCode.NotFound);
            var clock = Stopwatch.StartNew();
            while ((await visitor.GetAsync(page)).StatusCode != HttpStatusCode.NotFound)
            {
                clock.Elapsed.Should().BeLessThan(Limit, "node B stops showing what node A unpublished");
                await Task.Delay(50);
            }
            (await visitor.GetStringAsync("/fr")).Should().NotContain("Quibrax");
        }
        finally
        {
            if (database is not null) TestDatabases.DropPostgresDatabase(database);
            try { System.IO.Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Asks again until the answer holds the text; how long that took.</summary>
    private static async Task<TimeSpan> WaitForAsync(HttpClient client, string url, string text)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Limit)
        {
            using var response = await client.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains(text, StringComparison.Ordinal)) return clock.Elapsed;
            await Task.Delay(50);
        }
        return clock.Elapsed;
    }
}
