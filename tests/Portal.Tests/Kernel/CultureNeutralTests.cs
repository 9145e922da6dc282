using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Content.Parts;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel;

/// <summary>
/// The versions of an item in other languages share what its definition marks culture-neutral: the kernel reads the
/// marks from the definitions (here a type of the test's own), it names no field.
/// </summary>
public sealed class CultureNeutralTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string Probe = "NeutralProbe";

    private static async Task DefineProbeAsync(IServiceProvider sp, bool markCode, bool markContactPart)
    {
        var store = sp.GetRequiredService<IContentDefinitionStore>();
        await store.AlterPartAsync(Probe, p =>
        {
            p.WithField("Code", "Text", "Code", "Code").WithField("Label", "Text", "Libellé", "Bezeichnung");
            p.Fields.Single(f => f.Name == "Code").Settings.CultureNeutral = markCode;
        });
        await store.AlterTypeAsync(Probe, t =>
        {
            t.WithPart(BuiltInParts.Title, 0).WithPart(Probe, 1).WithPart(BuiltInParts.Contact, 2).WithPart(BuiltInParts.Localization, 3);
            t.Parts.Single(p => p.Name == BuiltInParts.Contact).CultureNeutral = markContactPart;
        });
    }

    private static JsonObject Data(string title, string culture, string code, string label, string phone) => JsonNode.Parse($$"""
        { "TitlePart": { "Title": { "Text": "{{title}}" } }, "LocalizationPart": { "Culture": { "Text": "{{culture}}" } },
          "{{Probe}}": { "Code": { "Text": "{{code}}" }, "Label": { "Text": "{{label}}" } },
          "ContactPart": { "Phone": { "Phone": "{{phone}}" } } }
        """)!.AsObject();

    private static async Task<(string Fr, string De)> CreatePairAsync(PortalFactory factory, bool markCode = true, bool markContactPart = true) =>
        await factory.WithScopeAsync(async sp =>
        {
            await DefineProbeAsync(sp, markCode, markContactPart);
            var manager = sp.GetRequiredService<IContentManager>();
            var fr = await manager.NewAsync(Probe);
            fr.Data = Data("Sonde", "fr", "A-1", "Libellé", "03 53 01 00 01");
            (await manager.CreateAsync(fr, publish: true)).Succeeded.Should().BeTrue();
            var de = await manager.NewAsync(Probe);
            de.LocalizationSet = fr.LocalizationSet;
            de.Data = Data("Sonde DE", "de", "A-1", "Bezeichnung", "03 53 01 00 01");
            (await manager.CreateAsync(de, publish: true)).Succeeded.Should().BeTrue();
            return (fr.ContentItemId, de.ContentItemId);
        });

    private static Task<ContentItem> PublishedAsync(PortalFactory factory, string id) =>
        factory.WithDbAsync(async db => await db.ContentItems.AsNoTracking().SingleAsync(i => i.ContentItemId == id && i.Published));

    private static async Task<ContentResult> SaveAsync(PortalFactory factory, string id, Action<JsonObject> change, bool publish) =>
        await factory.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<IContentManager>();
            var latest = (await manager.GetAsync(id, VersionOptions.Latest))!;
            var data = (JsonObject)latest.Data.DeepClone();
            change(data);
            return await manager.UpdateAsync(latest, data, latest.ConcurrencyStamp, publish);
        });

    [Theory, MemberData(nameof(Providers))]
    public async Task Publishing_one_language_copies_the_fields_its_definition_marks_neutral_to_the_other_with_one_journal_and_audit_row_each(string provider)
    {
        using var factory = new PortalFactory(provider);
        var (fr, de) = await CreatePairAsync(factory);
        var journal = await factory.WithDbAsync(db => db.ContentChanges.MaxAsync(c => c.Id));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.Id));

        var result = await SaveAsync(factory, fr, d =>
        {
            d[Probe]!["Code"]!["Text"] = "B-2";
            d[Probe]!["Label"]!["Text"] = "Nouveau libellé";
            d["ContactPart"]!["Phone"]!["Phone"] = "03 53 01 99 99";
        }, publish: true);
        result.Succeeded.Should().BeTrue(result.Message);

        var german = await PublishedAsync(factory, de);
        german.Data[Probe]!["Code"]!["Text"]!.GetValue<string>().Should().Be("B-2", "the field is marked neutral");
        german.Data["ContactPart"]!["Phone"]!["Phone"]!.GetValue<string>().Should().Be("03 53 01 99 99", "the part is marked neutral in the type");
        german.Data[Probe]!["Label"]!["Text"]!.GetValue<string>().Should().Be("Bezeichnung", "texts stay per language");
        german.DisplayText.Should().Be("Sonde DE");
        german.Number.Should().Be(2, "the German version is written as a save of its own, a new version");

        var changes = await factory.WithDbAsync(db => db.ContentChanges.AsNoTracking().Where(c => c.Id > journal).Select(c => c.ContentItemId).ToListAsync());
        changes.Should().BeEquivalentTo([fr, de], "one journal row each");
        var rows = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Id > audit).ToListAsync());
        rows.Select(r => r.ContentItemId).Should().BeEquivalentTo([fr, de], "one audit row each");
        rows.Single(r => r.ContentItemId == de).ChangedFields.Should().Contain($"{Probe}.Code").And.Contain("ContactPart.Phone").And.NotContain($"{Probe}.Label");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_draft_leaves_the_published_other_language_alone_until_it_is_published(string provider)
    {
        using var factory = new PortalFactory(provider);
        var (fr, de) = await CreatePairAsync(factory);

        (await SaveAsync(factory, fr, d => d["ContactPart"]!["Phone"]!["Phone"] = "03 53 01 12 34", publish: false)).Succeeded.Should().BeTrue();
        (await PublishedAsync(factory, de)).Data["ContactPart"]!["Phone"]!["Phone"]!.GetValue<string>().Should().Be("03 53 01 00 01");
        (await factory.WithDbAsync(db => db.ContentItems.CountAsync(i => i.ContentItemId == de))).Should().Be(1, "a draft makes no version of the other language");

        var journal = await factory.WithDbAsync(db => db.ContentChanges.MaxAsync(c => c.Id));
        (await factory.WithScopeAsync(sp => sp.GetRequiredService<IContentManager>().PublishAsync(fr))).Succeeded.Should().BeTrue();
        (await PublishedAsync(factory, de)).Data["ContactPart"]!["Phone"]!["Phone"]!.GetValue<string>().Should().Be("03 53 01 12 34");
        (await factory.WithDbAsync(db => db.ContentChanges.Where(c => c.Id > journal).Select(c => c.ContentItemId).ToListAsync())).Should().BeEquivalentTo([fr, de]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Without_a_mark_in_the_definition_nothing_is_copied(string provider)
    {
        using var factory = new PortalFactory(provider);
        var (fr, de) = await CreatePairAsync(factory, markCode: false, markContactPart: false);
        var journal = await factory.WithDbAsync(db => db.ContentChanges.MaxAsync(c => c.Id));

        (await SaveAsync(factory, fr, d =>
        {
            d[Probe]!["Code"]!["Text"] = "B-2";
            d["ContactPart"]!["Phone"]!["Phone"] = "03 53 01 99 99";
        }, publish: true)).Succeeded.Should().BeTrue();

        var german = await PublishedAsync(factory, de);
        german.Data[Probe]!["Code"]!["Text"]!.GetValue<string>().Should().Be("A-1");
        german.Data["ContactPart"]!["Phone"]!["Phone"]!.GetValue<string>().Should().Be("03 53 01 00 01");
        (await factory.WithDbAsync(db => db.ContentChanges.Where(c => c.Id > journal).Select(c => c.ContentItemId).ToListAsync())).Should().Equal([fr]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Marking_fields_neutral_later_aligns_diverged_sets_on_their_most_recently_modified_version(string provider)
    {
        using var factory = new PortalFactory(provider);
        var (fr, de) = await CreatePairAsync(factory, markCode: false, markContactPart: false);
        (await SaveAsync(factory, de, d => d[Probe]!["Code"]!["Text"] = "DE-9", publish: true)).Succeeded.Should().BeTrue();

        var aligned = await factory.WithScopeAsync(async sp =>
        {
            await DefineProbeAsync(sp, markCode: true, markContactPart: true);
            return await CultureNeutralAlignment.AlignAsync(sp.GetRequiredService<PortalDbContext>(), sp.GetRequiredService<IContentManager>(), [Probe]);
        });

        aligned.Should().Be(1);
        (await PublishedAsync(factory, fr)).Data[Probe]!["Code"]!["Text"]!.GetValue<string>().Should().Be("DE-9", "the German version was modified last");
        (await PublishedAsync(factory, fr)).Data[Probe]!["Label"]!["Text"]!.GetValue<string>().Should().Be("Libellé");
        (await factory.WithDbAsync(db => db.ContentItems.CountAsync(i => i.ContentItemId == de))).Should().Be(2, "the newest version is not written again");
    }
}
