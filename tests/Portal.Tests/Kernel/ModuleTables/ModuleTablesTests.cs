using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel.ModuleTables;

/// <summary>A module adds tables of its own without editing the kernel, and writes them in the kernel's unit of work.</summary>
public sealed class ModuleTablesTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static PortalFactory Site(string provider) => new(provider)
    {
        ConfigureTestServices = services => services.AddModuleDbContext<NotesDbContext, SqliteNotesDbContext, PostgresNotesDbContext>(),
    };

    private static JsonObject PageData(string title) => JsonNode.Parse($$"""
        { "TitlePart": { "Title": { "Text": "{{title}}" } }, "LocalizationPart": { "Culture": { "Text": "fr" } } }
        """)!.AsObject();

    [Theory, MemberData(nameof(Providers))]
    public async Task The_site_migrates_a_module_context_into_its_own_table_and_history(string provider)
    {
        using var factory = Site(provider);
        factory.CreateClient().Dispose();

        var (applied, count) = await factory.WithScopeAsync(async sp =>
        {
            var notes = sp.GetRequiredService<NotesDbContext>();
            notes.Should().BeOfType(provider == "Postgres" ? typeof(PostgresNotesDbContext) : typeof(SqliteNotesDbContext));
            return ((await notes.Database.GetAppliedMigrationsAsync()).ToList(), await notes.Notes.CountAsync());
        });
        applied.Should().ContainSingle().Which.Should().EndWith("_Notes");
        count.Should().Be(0);
        var kernelHistory = await factory.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList());
        kernelHistory.Should().NotContain(m => m.EndsWith("_Notes"), "the module's migrations are kept apart from the kernel's");
        ModuleDatabaseServiceCollectionExtensions.HistoryTableOf(typeof(NotesDbContext)).Should().Be("__EFMigrationsHistory_Notes");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_content_write_and_a_module_row_commit_or_roll_back_together(string provider)
    {
        using var factory = Site(provider);
        factory.CreateClient().Dispose();

        async Task<string> WriteBothAsync(bool commit) => await factory.WithScopeAsync(async sp =>
        {
            var notes = sp.GetRequiredService<NotesDbContext>();
            var manager = sp.GetRequiredService<IContentManager>();
            await using var transaction = await notes.BeginSharedTransactionAsync();
            var page = await manager.NewAsync("Page");
            page.Data = PageData(commit ? "Kept" : "Dropped");
            (await manager.CreateAsync(page, publish: true)).Succeeded.Should().BeTrue();
            notes.Notes.Add(new Note { Id = IdGenerator.New(), ContentItemId = page.ContentItemId, Text = "note" });
            await notes.SaveChangesAsync();
            // Inside the transaction, a module read sees its own uncommitted row (and SQLite accepts the command).
            (await notes.Notes.CountAsync(n => n.ContentItemId == page.ContentItemId)).Should().Be(1);
            if (commit) await transaction.CommitAsync(); else await transaction.RollbackAsync();
            return page.ContentItemId;
        });

        var dropped = await WriteBothAsync(commit: false);
        var kept = await WriteBothAsync(commit: true);

        await factory.WithScopeAsync(async sp =>
        {
            var notes = sp.GetRequiredService<NotesDbContext>();
            var db = sp.GetRequiredService<PortalDbContext>();
            (await notes.Notes.Select(n => n.ContentItemId).ToListAsync()).Should().Equal(kept);
            (await db.ContentItems.CountAsync(i => i.ContentItemId == dropped)).Should().Be(0);
            (await db.ContentItems.CountAsync(i => i.ContentItemId == kept)).Should().BeGreaterThan(0);
            // Outside a shared transaction, the module context saves on its own.
            notes.Notes.Add(new Note { Id = IdGenerator.New(), ContentItemId = kept, Text = "second" });
            await notes.SaveChangesAsync();
            (await notes.Notes.CountAsync()).Should().Be(2);
        });
    }
}
