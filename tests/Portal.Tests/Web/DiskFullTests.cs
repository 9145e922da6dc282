using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>A full disk during a save: the person is told that nothing was saved, and nothing was.</summary>
public sealed class DiskFullTests
{
    /// <summary>Refuses saves while <see cref="Full"/> (after letting <see cref="RoomFor"/> more through), as SQLite does when the disk has no room left.</summary>
    private sealed class FullDisk : SaveChangesInterceptor
    {
        public volatile bool Full;
        public int RoomFor;

        private bool Refuses() => Full && Interlocked.Decrement(ref RoomFor) < 0;

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            Refuses() ? throw new SqliteException("database or disk is full", 13) : result;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Refuses() ? throw new SqliteException("database or disk is full", 13) : ValueTask.FromResult(result);
    }

    private static Task<(int Items, int Changes, int Audit)> CountsAsync(PortalFactory factory) => factory.WithDbAsync(async db =>
        (await db.ContentItems.CountAsync(), await db.ContentChanges.CountAsync(), await db.AuditEntries.CountAsync()));

    [Fact]
    public async Task A_save_refused_by_a_full_disk_says_nothing_was_saved_and_writes_nothing()
    {
        var disk = new FullDisk();
        using var factory = new PortalFactory { ConfigureTestServices = s => s.ConfigureDbContext<SqlitePortalDbContext>(o => o.AddInterceptors(disk), ServiceLifetime.Singleton) };
        using var browser = factory.CreateBrowser();
        (await browser.SignInAsync()).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var before = await CountsAsync(factory);
        KeyValuePair<string, string>[] page =
        [
            new("TitlePart.Title.Text", "Horaires d'été"), new("LocalizationPart.Culture.Text", "fr"), new("submit", "publish"),
        ];

        var token = await browser.TokenAsync("/admin/content/Page/new");
        disk.Full = true;
        var refused = await browser.PostAsync("/admin/content/Page/new", new FormUrlEncodedContent(page.Append(new("__RequestVerificationToken", token))));
        disk.Full = false;
        refused.StatusCode.Should().Be(HttpStatusCode.InsufficientStorage);
        var html = Browser.Decode(await refused.Content.ReadAsStringAsync());
        html.Should().Contain("Rien n'a été enregistré").And.NotContain("SqliteException");
        (await CountsAsync(factory)).Should().Be(before, "no version, journal or audit row of the refused save");

        // The same form, with room on the disk, is saved: it was the disk, not the form.
        (await browser.PostFormAsync("/admin/content/Page/new", "/admin/content/Page/new", page)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await CountsAsync(factory)).Items.Should().BeGreaterThan(before.Items);
    }

    [Fact]
    public async Task An_import_stopped_by_a_full_disk_midway_leaves_nothing_half_written()
    {
        var disk = new FullDisk();
        using var factory = new PortalFactory(recipe: "grande-region") { ConfigureTestServices = s => s.ConfigureDbContext<SqlitePortalDbContext>(o => o.AddInterceptors(disk), ServiceLifetime.Singleton) };
        factory.CreateClient().Dispose();
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Portal.sln"))) root = root.Parent!;
        var csv = await File.ReadAllBytesAsync(Path.Combine(root.FullName, "samples", "import", "actions-moselle-corrige.csv"));
        var before = await CountsAsync(factory);

        // The first rows are written inside the import's transaction, then the disk fills up.
        disk.RoomFor = 2;
        disk.Full = true;
        var apply = () => factory.WithScopeAsync(sp => sp.GetRequiredService<Portal.ImportExport.Import.ImportService>().ApplyAsync("actions.csv", csv, "Action", null, true));
        var refused = await apply.Should().ThrowAsync<Exception>();
        Portal.Core.Data.StorageFailures.IsFull(refused.Which).Should().BeTrue();
        disk.Full = false;
        (await CountsAsync(factory)).Should().Be(before, "the rows written before the disk filled up were rolled back with the rest");
    }
}
