using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel;

public sealed class ContentManagerTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static JsonObject PageData(string title, string body = "<p>Texte</p>", string culture = "fr") => JsonNode.Parse($$"""
        { "TitlePart": { "Title": { "Text": "{{title}}" } }, "LocalizationPart": { "Culture": { "Text": "{{culture}}" } },
          "HtmlBodyPart": { "Body": { "Html": "{{body}}" } } }
        """)!.AsObject();

    private static async Task<ContentItem> CreatePageAsync(IServiceProvider sp, string title, bool publish)
    {
        var manager = sp.GetRequiredService<IContentManager>();
        var item = await manager.NewAsync("Page");
        item.Data = PageData(title);
        var result = await manager.CreateAsync(item, publish);
        result.Succeeded.Should().BeTrue(result.Message);
        return item;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_draft_over_a_published_version_never_hides_it_from_the_public(string provider)
    {
        using var factory = new PortalFactory(provider);
        var id = await factory.WithScopeAsync(async sp => (await CreatePageAsync(sp, "Piscine accessible", publish: true)).ContentItemId);

        await factory.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<IContentManager>();
            var latest = await manager.GetAsync(id, VersionOptions.Latest);
            var result = await manager.UpdateAsync(id, PageData("Piscine accessible (horaires d'été)"), latest!.ConcurrencyStamp);
            result.Succeeded.Should().BeTrue(result.Message);
        });

        await factory.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<IContentManager>();
            (await manager.GetAsync(id))!.DisplayText.Should().Be("Piscine accessible");
            (await manager.GetAsync(id, VersionOptions.Latest))!.DisplayText.Should().Be("Piscine accessible (horaires d'été)");
            var versions = await manager.GetVersionsAsync(id);
            versions.Should().HaveCount(2);
            versions.Count(v => v.Published).Should().Be(1);
            versions.Count(v => v.Latest).Should().Be(1);
        });
        var page = await factory.CreateClient().GetStringAsync("/fr/piscine-accessible");
        page.Should().Contain("Piscine accessible").And.NotContain("horaires");

        await factory.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<IContentManager>();
            (await manager.PublishAsync(id)).Succeeded.Should().BeTrue();
            var versions = await manager.GetVersionsAsync(id);
            versions.Single(v => v.Published).Number.Should().Be(2);
            versions.Single(v => v.Latest).Number.Should().Be(2);
        });
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Saving_over_a_version_changed_meanwhile_is_refused_and_overwrites_nothing(string provider)
    {
        using var factory = new PortalFactory(provider);
        var (id, openedVersion) = await factory.WithScopeAsync(async sp =>
        {
            var item = await CreatePageAsync(sp, "Groupe de parole", publish: false);
            return (item.ContentItemId, item.ConcurrencyStamp);
        });
        // Someone else saves first, from the same version.
        await factory.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<IContentManager>().UpdateAsync(id, PageData("Groupe de parole des aidants"), openedVersion)).Succeeded.Should().BeTrue());

        var stale = await factory.WithScopeAsync(sp => sp.GetRequiredService<IContentManager>().UpdateAsync(id, PageData("Mon titre"), openedVersion));

        stale.Error.Should().Be(ContentError.Concurrency);
        stale.Message.Should().Contain("not saved");
        var current = await factory.WithScopeAsync(sp => sp.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Latest));
        current!.DisplayText.Should().Be("Groupe de parole des aidants");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Invalid_values_give_a_message_per_field_and_nothing_is_saved(string provider)
    {
        using var factory = new PortalFactory(provider);
        var before = await factory.WithDbAsync(db => db.ContentItems.CountAsync());

        var result = await factory.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<IContentManager>();
            var item = await manager.NewAsync("Page");
            item.Data = JsonNode.Parse("""{ "TitlePart": {}, "AutoroutePart": { "Path": { "Text": "Not A Slug!" } }, "LocalizationPart": { "Culture": { "Text": "es" } } }""")!.AsObject();
            return await manager.CreateAsync(item);
        });

        result.Error.Should().Be(ContentError.Invalid);
        result.Validation.Errors.Select(e => e.Key).Should().BeEquivalentTo(["TitlePart.Title", "AutoroutePart.Path", "LocalizationPart.Culture"]);
        (await factory.WithDbAsync(db => db.ContentItems.CountAsync())).Should().Be(before);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Slugs_are_made_from_titles_and_unique_per_culture(string provider)
    {
        using var factory = new PortalFactory(provider);
        var paths = await factory.WithScopeAsync(async sp =>
        {
            var first = await CreatePageAsync(sp, "Répit à domicile – Metz", publish: true);
            var second = await CreatePageAsync(sp, "Répit à domicile – Metz", publish: true);
            var manager = sp.GetRequiredService<IContentManager>();
            var german = await manager.NewAsync("Page");
            german.Data = PageData("Répit à domicile – Metz", culture: "de");
            (await manager.CreateAsync(german, publish: true)).Succeeded.Should().BeTrue();
            return (first.Path, second.Path, german.Path);
        });

        paths.Should().Be(("repit-a-domicile-metz", "repit-a-domicile-metz-2", "repit-a-domicile-metz"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Unpublish_clone_and_soft_delete_keep_every_version(string provider)
    {
        using var factory = new PortalFactory(provider);
        var id = await factory.WithScopeAsync(async sp => (await CreatePageAsync(sp, "Atelier mémoire", publish: true)).ContentItemId);

        await factory.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<IContentManager>();
            (await manager.UnpublishAsync(id)).Succeeded.Should().BeTrue();
            (await manager.GetAsync(id)).Should().BeNull();
            var clone = await manager.CloneAsync(id);
            clone.Succeeded.Should().BeTrue(clone.Message);
            clone.Item!.ContentItemId.Should().NotBe(id);
            clone.Item.Path.Should().Be("atelier-memoire-copy");
            (await manager.DeleteAsync(id)).Succeeded.Should().BeTrue();
            (await manager.GetAsync(id, VersionOptions.Latest)).Should().BeNull();
        });

        var rows = await factory.WithDbAsync(db => db.ContentItems.Where(i => i.ContentItemId == id).ToListAsync());
        rows.Should().ContainSingle().Which.Status.Should().Be(ContentStatus.Deleted);
        (await factory.CreateClient().GetAsync("/fr/atelier-memoire")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Migrations_bring_an_empty_database_to_the_current_model(string provider)
    {
        using var factory = new PortalFactory(provider);
        await factory.WithDbAsync(async db =>
        {
            (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
            (await db.Database.GetAppliedMigrationsAsync()).Should().NotBeEmpty();
            db.Database.HasPendingModelChanges().Should().BeFalse("every model change needs an EF migration for both providers");
            (await db.DataMigrations.CountAsync()).Should().BeGreaterThan(0);
            return 0;
        });
    }
}
