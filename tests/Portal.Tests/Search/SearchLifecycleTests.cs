using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Search.Indexing;
using Portal.Search.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

public sealed class SearchLifecycleTests
{
    private static async Task<int> TotalAsync(PortalFactory factory, string query)
    {
        using var client = factory.CreateClient();
        return JsonNode.Parse(await client.GetStringAsync("/api/search?" + query))!["total"]!.GetValue<int>();
    }

    /// <summary>Asks until the answer is the expected one: the index follows the database within about a second.</summary>
    private static async Task<int> EventuallyAsync(PortalFactory factory, string query, int expected)
    {
        var total = -1;
        for (var i = 0; i < 100 && total != expected; i++)
        {
            if (i > 0) await Task.Delay(100);
            total = await TotalAsync(factory, query);
        }
        return total;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Publishing_unpublishing_and_losing_the_index_are_all_followed(string provider)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        string? database = null;
        var connection = provider == "Postgres" ? TestDatabases.CreatePostgresDatabase(out database) : null;
        try
        {
            const string query = "culture=de&q=Hausnotruf";
            string id;
            int before;
            using (var factory = new PortalFactory(provider, dataDirectory: dataDirectory, connectionString: connection))
            {
                factory.CreateClient().Dispose();
                // The base recipe's German pages (about, legal notices), as the database counts them.
                var pages = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
                    db.ContentItems, i => i.Published && i.Culture == "de" && i.Path != null && i.ContentType != "Vocabulary"));
                pages.Should().BeGreaterThan(0);
                before = await EventuallyAsync(factory, "culture=de", pages);
                before.Should().Be(pages);
                id = await factory.WithScopeAsync(async sp =>
                {
                    var manager = sp.GetRequiredService<IContentManager>();
                    var item = await manager.NewAsync("Page");
                    item.Data = JsonNode.Parse("""
                        { "TitlePart": { "Title": { "Text": "Haus-Notruf für ältere Menschen" } },
                          "Page": { "Summary": { "Text": "Ein Knopf am Handgelenk, Hilfe rund um die Uhr." } },
                          "LocalizationPart": { "Culture": { "Text": "de" } } }
                        """)!.AsObject();
                    var result = await manager.CreateAsync(item, publish: true);
                    result.Succeeded.Should().BeTrue();
                    return item.ContentItemId;
                });
                // No restart, no manual step: the worker applies the journal.
                (await EventuallyAsync(factory, query, 1)).Should().Be(1, "a published item becomes searchable, Hausnotruf matching Haus-Notruf");
                (await TotalAsync(factory, "culture=fr&q=Hausnotruf")).Should().Be(1, "an item written in German only is found on the French side too (marked as German, issue 16)");

                await factory.WithScopeAsync(sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(id));
                (await EventuallyAsync(factory, query, 0)).Should().Be(0, "an unpublished item leaves the index");

                await factory.WithScopeAsync(sp => sp.GetRequiredService<IContentManager>().PublishAsync(id));
                (await EventuallyAsync(factory, query, 1)).Should().Be(1);
            }

            // The index is derived data: without it, the next start rebuilds the same answers from the database.
            System.IO.Directory.Delete(Path.Combine(dataDirectory, "search"), recursive: true);
            using (var factory = new PortalFactory(provider, dataDirectory: dataDirectory, connectionString: connection))
            {
                (await TotalAsync(factory, query)).Should().Be(1);
                (await TotalAsync(factory, "culture=de")).Should().Be(before + 1);
                System.IO.Directory.Exists(Path.Combine(dataDirectory, "search")).Should().BeTrue();

                await factory.WithScopeAsync(sp => sp.GetRequiredService<IContentManager>().DeleteAsync(id));
                (await EventuallyAsync(factory, query, 0)).Should().Be(0, "a deleted item leaves the index");
            }

            // A damaged index is rebuilt too.
            var folder = System.IO.Directory.GetDirectories(Path.Combine(dataDirectory, "search"), "de-*").Single();
            foreach (var file in System.IO.Directory.GetFiles(folder)) File.WriteAllText(file, "not an index");
            using (var factory = new PortalFactory(provider, dataDirectory: dataDirectory, connectionString: connection))
            {
                (await TotalAsync(factory, "culture=de")).Should().Be(before);
            }
        }
        finally
        {
            if (database is not null) TestDatabases.DropPostgresDatabase(database);
            try { System.IO.Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Two_web_nodes_sharing_a_database_each_keep_their_own_index_current(string provider)
    {
        var root = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        string? database = null;
        var connection = provider == "Postgres" ? TestDatabases.CreatePostgresDatabase(out database) : null;
        try
        {
            PortalFactory Node(string name)
            {
                var node = new PortalFactory(provider, dataDirectory: Path.Combine(root, name), connectionString: connection);
                // Two nodes, one database: on SQLite, one file beside both data folders.
                if (provider == "Sqlite") node.WithSetting("ConnectionStrings:Portal", $"Data Source={Path.Combine(root, "shared.db")}");
                return node;
            }
            System.IO.Directory.CreateDirectory(root);
            using var first = Node("node-a");
            first.CreateClient().Dispose();
            using var second = Node("node-b");
            second.CreateClient().Dispose();

            var id = await first.WithScopeAsync(async sp =>
            {
                var manager = sp.GetRequiredService<IContentManager>();
                var item = await manager.NewAsync("Page");
                item.Data = JsonNode.Parse("""
                    { "TitlePart": { "Title": { "Text": "Permanence Zyxquorb" } }, "LocalizationPart": { "Culture": { "Text": "fr" } } }
                    """)!.AsObject();
                (await manager.CreateAsync(item, publish: true)).Succeeded.Should().BeTrue();
                return item.ContentItemId;
            });
            // Published on the first node, found on both; each index lives in its own folder.
            (await EventuallyAsync(first, "culture=fr&q=zyxquorb", 1)).Should().Be(1);
            (await EventuallyAsync(second, "culture=fr&q=zyxquorb", 1)).Should().Be(1, "the second node follows the shared journal");
            System.IO.Directory.Exists(Path.Combine(root, "node-a", "search")).Should().BeTrue();
            System.IO.Directory.Exists(Path.Combine(root, "node-b", "search")).Should().BeTrue();

            // Unpublished on the second node, gone from both.
            await second.WithScopeAsync(sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(id));
            (await EventuallyAsync(second, "culture=fr&q=zyxquorb", 0)).Should().Be(0);
            (await EventuallyAsync(first, "culture=fr&q=zyxquorb", 0)).Should().Be(0);
        }
        finally
        {
            if (database is not null) TestDatabases.DropPostgresDatabase(database);
            try { System.IO.Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task An_interrupted_rebuild_leaves_no_orphan_folder_after_the_next_start()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        try
        {
            int pages;
            using (var factory = new PortalFactory(dataDirectory: dataDirectory))
            {
                factory.CreateClient().Dispose();
                pages = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
                    db.ContentItems, i => i.Published && i.Culture == "de" && i.Path != null && i.ContentType != "Vocabulary"));
                (await EventuallyAsync(factory, "culture=de", pages)).Should().Be(pages);
            }
            // What a rebuild stopped mid-way leaves behind: a half-written index folder that current.json never named.
            var orphan = Path.Combine(dataDirectory, "search", "de-20260101000000-dead00");
            System.IO.Directory.CreateDirectory(orphan);
            File.WriteAllText(Path.Combine(orphan, "_0.cfs"), "half written");

            using (var factory = new PortalFactory(dataDirectory: dataDirectory))
            {
                (await TotalAsync(factory, "culture=de")).Should().Be(pages, "the index in use still answers");
                System.IO.Directory.Exists(orphan).Should().BeFalse("the next start deletes the folder of the interrupted build");
                System.IO.Directory.GetDirectories(Path.Combine(dataDirectory, "search")).Should().HaveCount(2, "one index per culture, nothing else");
            }
        }
        finally
        {
            try { System.IO.Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Spoils one document when switched on: a facet value longer than Lucene takes, so that writing it fails.</summary>
    private sealed class Spoiler
    {
        public volatile bool On;
    }

    private sealed class SpoilingContributor(Spoiler spoiler) : ISearchIndexContributor
    {
        public Task ContributeAsync(SearchIndexContext context)
        {
            if (spoiler.On) context.AddFacetValues("spoiled", [new string('x', 40_000)]);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_rebuild_whose_writing_fails_says_so_and_keeps_the_index_in_use()
    {
        var spoiler = new Spoiler();
        using var factory = new PortalFactory(recipe: "grande-region")
        {
            ConfigureTestServices = services =>
            {
                services.AddSingleton(spoiler);
                services.AddScoped<ISearchIndexContributor, SpoilingContributor>();
            },
        };
        factory.CreateClient().Dispose();
        await SearchSite.CatchUpAsync(factory);
        var before = await TotalAsync(factory, "culture=fr");
        before.Should().BeGreaterThan(0);
        var manager = factory.Services.GetRequiredService<SearchIndexManager>();
        var folders = System.IO.Directory.GetDirectories(manager.Root).Order(StringComparer.Ordinal).ToList();

        spoiler.On = true;
        // The index writes on threads of its own: their failure reaches the rebuild instead of leaving it waiting.
        Func<Task> rebuild = () => manager.RebuildAsync().WaitAsync(TimeSpan.FromMinutes(2));
        (await rebuild.Should().ThrowAsync<Exception>()).Which.Should().NotBeOfType<TimeoutException>("the failure ends the rebuild");
        (await TotalAsync(factory, "culture=fr")).Should().Be(before, "the index in use still answers");
        System.IO.Directory.GetDirectories(manager.Root).Order(StringComparer.Ordinal).Should().Equal(folders, "the indexes in use are kept, and the failed build leaves no folder");

        spoiler.On = false;
        await manager.RebuildAsync().WaitAsync(TimeSpan.FromMinutes(2));
        (await TotalAsync(factory, "culture=fr")).Should().Be(before, "a rebuild that can write goes through");
        System.IO.Directory.GetDirectories(manager.Root).Should().HaveCount(2, "one index per culture, the old ones deleted");
    }
}
