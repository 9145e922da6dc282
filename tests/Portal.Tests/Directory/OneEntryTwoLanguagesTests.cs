using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Directory;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Directory;

/// <summary>One entry, two languages: the French and German versions of an entry share what does not depend on the language.</summary>
public sealed class OneEntryTwoLanguagesTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static Task<ContentItem> PublishedAsync(PortalFactory factory, string id) =>
        factory.WithDbAsync(async db => await db.ContentItems.AsNoTracking().SingleAsync(i => i.ContentItemId == id && i.Published));

    [Theory, MemberData(nameof(Providers))]
    public async Task Changing_the_phone_of_the_French_version_changes_the_German_one_with_one_journal_row_each(string provider)
    {
        using var factory = Portal.Tests.Moderation.WorkflowTests.Site(provider);
        const string fr = "gr-actor-001-fr", de = "gr-actor-001-de";
        var germanBefore = await PublishedAsync(factory, de);

        // A change waiting for review: the German version stays as it is, and the review shows what it will receive.
        var draft = await factory.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<IContentManager>();
            var latest = (await manager.GetAsync(fr, VersionOptions.Latest))!;
            var data = (JsonObject)latest.Data.DeepClone();
            data["ContactPart"]!["Phone"] = new JsonObject { ["Phone"] = "03 53 01 77 77" };
            data["Actor"]!["OpeningHours"] = new JsonObject { ["Text"] = "Tu-Fr 10:00-16:00" };
            return await manager.UpdateAsync(latest, data, latest.ConcurrencyStamp);
        });
        draft.Succeeded.Should().BeTrue(draft.Message);
        (await PublishedAsync(factory, de)).Data["ContactPart"]!.ToJsonString().Should().Be(germanBefore.Data["ContactPart"]!.ToJsonString());
        using (var moderator = await Portal.Tests.Moderation.WorkflowTests.SignedInAsync(factory, "moderator@portal.example"))
        {
            var review = Browser.Decode(await moderator.GetStringAsync($"/admin/review/{fr}"));
            var german = review[review.IndexOf("Version Allemand", StringComparison.Ordinal)..];
            german.Should().Contain(germanBefore.DisplayText).And.Contain("<ins>77</ins>").And.Contain("Après approbation");
        }

        // Approved (published): the German version is published again with the new values, one journal row each.
        var journal = await factory.WithDbAsync(db => db.ContentChanges.MaxAsync(c => c.Id));
        var result = await factory.WithScopeAsync(sp => sp.GetRequiredService<IContentManager>().PublishAsync(fr));
        result.Succeeded.Should().BeTrue(result.Message);

        var published = await PublishedAsync(factory, de);
        published.Data["ContactPart"]!["Phone"]!["Phone"]!.GetValue<string>().Should().Be("03 53 01 77 77");
        published.Data["Actor"]!["OpeningHours"]!["Text"]!.GetValue<string>().Should().Be("Tu-Fr 10:00-16:00");
        published.Data["Actor"]!["Description"]!.ToJsonString().Should().Be(germanBefore.Data["Actor"]!["Description"]!.ToJsonString(), "texts stay in their language");
        published.Data["AddressPart"]!["Commune"]!.ToJsonString().Should().Be(germanBefore.Data["AddressPart"]!["Commune"]!.ToJsonString(), "a commune's name has exonyms");
        published.DisplayText.Should().Be(germanBefore.DisplayText);
        (await factory.WithDbAsync(db => db.ContentChanges.AsNoTracking().Where(c => c.Id > journal).Select(c => c.ContentItemId).ToListAsync()))
            .Should().BeEquivalentTo([fr, de], "one journal row each");

        // The German page shows the number the French version was given.
        (await factory.CreateClient().GetStringAsync($"/{published.Culture}/{published.Path}")).Should().Contain("03 53 01 77 77");
    }

    [Fact]
    public async Task The_directory_marks_what_does_not_depend_on_the_language_in_its_definitions()
    {
        using var factory = new PortalFactory();
        var neutral = await factory.WithScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<IContentDefinitionStore>();
            var result = new Dictionary<string, string[]>();
            foreach (var type in DirectoryTypes.All)
                result[type] = [.. (await CultureNeutralFields.OfAsync(store, (await store.GetTypeAsync(type))!)).Keys];
            return result;
        });

        foreach (var type in DirectoryTypes.All)
        {
            neutral[type].Should().Contain(["ContactPart.Phone", "ContactPart.Email", "ContactPart.Website", "AddressPart.Street", "AddressPart.Postcode",
                $"{type}.Location", $"{type}.OpeningHours"]);
            neutral[type].Should().NotContain([$"{type}.Description", "TitlePart.Title", "AddressPart.Commune", "LocalizationPart.Culture", "AutoroutePart.Path"]);
        }
        neutral[DirectoryTypes.Action].Should().Contain(["Action.Fees", "Action.Domains", "Action.RegistrationMode"]).And.NotContain(["Action.Actor", "Action.Schedule", "Action.FeeDetails"]);
    }
}
