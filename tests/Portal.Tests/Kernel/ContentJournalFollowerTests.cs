using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel;

public sealed class ContentJournalFollowerTests
{
    /// <summary>What a node's follower handed to its observers.</summary>
    private sealed class RecordingObserver : IContentJournalObserver
    {
        public ConcurrentQueue<ContentChange> Seen { get; } = new();

        public Task OnChangesAsync(IReadOnlyList<ContentChange> changes, CancellationToken cancellationToken)
        {
            foreach (var change in changes) Seen.Enqueue(change);
            return Task.CompletedTask;
        }

        public bool Saw(string kind, string name) => Seen.Any(c => c.Kind == kind && (c.ContentType == name || c.ContentItemId == name));
    }

    private sealed class TestSettings
    {
        public string Colour { get; set; } = "";
    }

    /// <summary>Waits for a condition, up to a minute (a loaded machine), asking every 50 ms.</summary>
    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60)) return false;
            await Task.Delay(50);
        }
        return true;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_observer_on_one_node_sees_the_settings_definitions_and_content_changed_on_another(string provider)
    {
        var root = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        string? database = null;
        var connection = provider == "Postgres" ? TestDatabases.CreatePostgresDatabase(out database) : null;
        try
        {
            PortalFactory Node(string name)
            {
                var node = new PortalFactory(provider, dataDirectory: Path.Combine(root, name), connectionString: connection)
                {
                    ConfigureTestServices = s => s.AddContentJournalObserver<RecordingObserver>().AddContentJournalObserver<RecordingObserver>(),
                };
                // Two nodes, one database: on SQLite, one file beside both data folders.
                if (provider == "Sqlite") node.WithSetting("ConnectionStrings:Portal", $"Data Source={Path.Combine(root, "shared.db")}");
                return node;
            }
            System.IO.Directory.CreateDirectory(root);
            using var first = Node("node-a");
            first.CreateClient().Dispose();
            using var second = Node("node-b");
            second.CreateClient().Dispose();
            var follower = second.Services.GetRequiredService<ContentJournalFollower>();
            (await EventuallyAsync(() => follower.Following)).Should().BeTrue("the second node starts following once its site is ready");
            var seen = second.Services.GetRequiredService<RecordingObserver>();
            var before = follower.Cursor;

            var id = await first.WithScopeAsync(async sp =>
            {
                await sp.GetRequiredService<IDocumentStore>().SaveAsync("Test.Journal", new TestSettings { Colour = "#123456" });
                await sp.GetRequiredService<IContentDefinitionStore>().SavePartAsync(new ContentPartDefinition { Name = "JournalTestPart" });
                var manager = sp.GetRequiredService<IContentManager>();
                var item = await manager.NewAsync("Page");
                item.Data = JsonNode.Parse("""
                    { "TitlePart": { "Title": { "Text": "Permanence Journal" } }, "LocalizationPart": { "Culture": { "Text": "fr" } } }
                    """)!.AsObject();
                (await manager.CreateAsync(item, publish: true)).Succeeded.Should().BeTrue();
                return item.ContentItemId;
            });

            (await EventuallyAsync(() => seen.Saw(ContentChangeKind.Published, id))).Should().BeTrue("the second node follows the shared journal");
            seen.Saw(ContentChangeKind.Settings, "Test.Journal").Should().BeTrue("a settings document saved on the first node is a journal row");
            seen.Saw(ContentChangeKind.Definitions, "JournalTestPart").Should().BeTrue("a content definition saved on the first node is a journal row");
            seen.Seen.Where(c => c.Id > before).Select(c => c.Id).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems("each change is handed once, in order, to an observer registered twice");
            (await EventuallyAsync(() => first.Services.GetRequiredService<RecordingObserver>().Saw(ContentChangeKind.Published, id))).Should().BeTrue("the writing node follows its own changes too");

            // Deleting a type is a change too, seen on the other node.
            await second.WithScopeAsync(sp => sp.GetRequiredService<IContentDefinitionStore>().SaveTypeAsync(new ContentTypeDefinition { Name = "JournalTestType" }));
            await second.WithScopeAsync(sp => sp.GetRequiredService<IContentDefinitionStore>().DeleteTypeAsync("JournalTestType"));
            var firstSeen = first.Services.GetRequiredService<RecordingObserver>();
            (await EventuallyAsync(() => firstSeen.Seen.Count(c => c.Kind == ContentChangeKind.Definitions && c.ContentType == "JournalTestType") == 2)).Should().BeTrue();
        }
        finally
        {
            if (database is not null) TestDatabases.DropPostgresDatabase(database);
            try { System.IO.Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_settings_change_rolled_back_leaves_no_journal_row(string provider)
    {
        using var factory = new PortalFactory(provider);
        factory.CreateClient().Dispose();
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await sp.GetRequiredService<IDocumentStore>().SaveAsync("Test.RolledBack", new TestSettings { Colour = "#654321" });
            (await db.ContentChanges.AnyAsync(c => c.Kind == ContentChangeKind.Settings && c.ContentType == "Test.RolledBack")).Should().BeTrue("written in the change's own transaction");
            await transaction.RollbackAsync();
        });
        (await factory.WithDbAsync(db => db.ContentChanges.AnyAsync(c => c.ContentType == "Test.RolledBack"))).Should().BeFalse();
        (await factory.WithDbAsync(db => db.Documents.AnyAsync(d => d.Key == "Test.RolledBack"))).Should().BeFalse();
    }

    [Fact]
    public async Task Search_insights_are_bookkeeping_and_write_no_journal_row()
    {
        using var factory = new PortalFactory();
        factory.CreateClient().Dispose();
        var key = Portal.Search.Insights.SearchInsightsStore.Prefix + "fr/2026-W49";
        await factory.WithScopeAsync(sp => sp.GetRequiredService<IDocumentStore>().SaveAsync(key, new TestSettings()));
        (await factory.WithDbAsync(db => db.Documents.AnyAsync(d => d.Key == key))).Should().BeTrue();
        (await factory.WithDbAsync(db => db.ContentChanges.AnyAsync(c => c.ContentType == key))).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Settings_saved_on_a_node_are_served_by_its_next_request_without_waiting(string provider)
    {
        using var factory = new PortalFactory(provider);
        using var client = factory.CreateClient();
        (await client.GetStringAsync("/fr")).Should().NotContain("Quorblex");
        (await client.GetStringAsync("/fr")).Should().NotContain("Quorblex", "the second request is served from the read models");
        await factory.WithScopeAsync(async sp =>
        {
            var documents = sp.GetRequiredService<IDocumentStore>();
            var settings = await documents.GetAsync<SiteSettings>(DocumentKeys.SiteSettings);
            settings.SiteName = "Quorblex";
            await documents.SaveAsync(DocumentKeys.SiteSettings, settings);
        });
        (await client.GetStringAsync("/fr")).Should().Contain("Quorblex", "the writing node drops its read model at the commit, not at its follower's next poll");

        // Saved inside a transaction: dropped at the commit, so no request caches what the transaction had not committed.
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var documents = sp.GetRequiredService<IDocumentStore>();
            var settings = await documents.GetAsync<SiteSettings>(DocumentKeys.SiteSettings);
            settings.SiteName = "Zentrivo";
            await documents.SaveAsync(DocumentKeys.SiteSettings, settings);
            await transaction.CommitAsync();
        });
        (await client.GetStringAsync("/fr")).Should().Contain("Zentrivo");
    }
}
