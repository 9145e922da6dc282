using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel;

public sealed class RecipeTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static string WriteRecipe(PortalFactory factory, string name, string json)
    {
        var path = Path.Combine(factory.DataDirectory, name + ".recipe.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static Task<(int Items, int Versions, int Definitions, int Documents, int Roles)> SnapshotAsync(PortalFactory factory) =>
        factory.WithDbAsync(async db => (
            await db.ContentItems.CountAsync(i => i.Latest),
            await db.ContentItems.CountAsync(),
            await db.ContentDefinitions.CountAsync(),
            await db.Documents.CountAsync(),
            await db.Roles.CountAsync()));

    // A type of the recipe's own: the Events module owns "Event" (and its addresses under the agenda).
    private const string EventRecipe = """
        {
          "name": "events",
          "steps": [
            { "name": "ContentDefinition",
              "ContentParts": [ { "Name": "Happening", "Fields": [
                  { "Name": "Starts", "FieldType": "DateTime", "DisplayName": "Début", "DisplayNameDe": "Beginn", "Settings": { "Required": true } },
                  { "Name": "Place", "FieldType": "GeoPoint", "DisplayName": "Lieu", "DisplayNameDe": "Ort" } ] } ],
              "ContentTypes": [ { "Name": "Happening", "DisplayName": "Événement", "DisplayNameDe": "Veranstaltung",
                  "Parts": [ { "Name": "TitlePart" }, { "Name": "Happening" }, { "Name": "AutoroutePart" }, { "Name": "LocalizationPart" } ] } ] },
            { "name": "Content", "data": [
              { "ContentItemId": "event-1", "ContentType": "Happening", "Published": true,
                "TitlePart": { "Title": { "Text": "Handisport à Bobigny" } }, "LocalizationPart": { "Culture": { "Text": "fr" } },
                "Happening": { "Starts": { "Value": "2026-06-13T10:00" }, "Place": { "Latitude": 48.9077, "Longitude": 2.4397 } } } ] }
          ]
        }
        """;

    [Theory, MemberData(nameof(Providers))]
    public async Task Running_a_recipe_twice_leaves_the_same_site(string provider)
    {
        using var factory = new PortalFactory(provider);
        var path = WriteRecipe(factory, "events", EventRecipe);
        await factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(path));
        var once = await SnapshotAsync(factory);

        await factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(path));
        await factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync("portal-base"));

        (await SnapshotAsync(factory)).Should().Be(once);
        (await factory.CreateClient().GetStringAsync("/fr/handisport-a-bobigny")).Should().Contain("Handisport à Bobigny");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_changed_recipe_updates_its_items_with_a_new_version(string provider)
    {
        using var factory = new PortalFactory(provider);
        await factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(WriteRecipe(factory, "events", EventRecipe)));
        var changed = EventRecipe.Replace("Handisport à Bobigny", "Handisport à Bobigny – 2e édition").Replace("\"name\": \"events\"", "\"name\": \"events2\"");
        await factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(WriteRecipe(factory, "events2", changed)));

        var versions = await factory.WithDbAsync(db => db.ContentItems.Where(i => i.ContentItemId == "event-1").OrderBy(i => i.Number).ToListAsync());
        versions.Should().HaveCount(2);
        versions[1].Published.Should().BeTrue();
        versions[1].DisplayText.Should().Be("Handisport à Bobigny – 2e édition");
    }

    public static TheoryData<string, string, string> BrokenRecipes => new()
    {
        { "malformed", """{ "name": "broken", "steps": [ { "name": "Settings", "SiteName": "X" }, """, "not valid JSON" },
        { "unknown-step", """{ "name": "broken", "steps": [ { "name": "Settings", "SiteName": "Changé" }, { "name": "Frobnicate" } ] }""", "step 2 (Frobnicate): unknown step" },
        { "invalid-item", """
            { "name": "broken", "steps": [
              { "name": "Settings", "SiteName": "Changé" },
              { "name": "Content", "data": [ { "ContentItemId": "ok-page", "ContentType": "Page", "TitlePart": { "Title": { "Text": "Bonne page" } }, "LocalizationPart": { "Culture": { "Text": "fr" } } } ] },
              { "name": "Content", "data": [ { "ContentItemId": "bad-page", "ContentType": "Page", "TitlePart": { "Title": { "Text": "" } }, "LocalizationPart": { "Culture": { "Text": "fr" } } } ] }
            ] }
            """, "step 3 (Content): item 1 (bad-page, Page) is invalid" },
        { "bad-setting", """{ "name": "broken", "steps": [ { "name": "Settings", "PrimaryColor": "blue" } ] }""", "step 1 (Settings): PrimaryColor" },
        { "unknown-field-type", """{ "name": "broken", "steps": [ { "name": "ContentDefinition", "ContentParts": [ { "Name": "X", "Fields": [ { "Name": "F", "FieldType": "Hologram" } ] } ] } ] }""", "step 1 (ContentDefinition): field X.F has the unknown type" },
    };

    [Theory, MemberData(nameof(BrokenRecipes))]
    public async Task A_broken_recipe_names_file_step_and_reason_and_applies_nothing(string name, string json, string expected)
    {
        using var factory = new PortalFactory();
        var before = await SnapshotAsync(factory);
        var siteName = await factory.WithDbAsync(db => db.Documents.Where(d => d.Key == "SiteSettings").Select(d => d.Json).SingleAsync());

        var act = () => factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(WriteRecipe(factory, name, json)));

        (await act.Should().ThrowAsync<RecipeException>()).Which.Message.Should().Contain($"{name}.recipe.json").And.Contain(expected);
        (await SnapshotAsync(factory)).Should().Be(before);
        (await factory.WithDbAsync(db => db.Documents.Where(d => d.Key == "SiteSettings").Select(d => d.Json).SingleAsync())).Should().Be(siteName);
    }

    [Fact]
    public async Task A_broken_recipe_on_postgres_applies_nothing_either()
    {
        if (TestDatabases.PostgresServer is null) return; // covered on SQLite above; CI sets PORTAL_TEST_POSTGRES
        using var factory = new PortalFactory("Postgres");
        var before = await SnapshotAsync(factory);
        var (_, json, expected) = ("invalid-item", (string)BrokenRecipes.ElementAt(2)[1], (string)BrokenRecipes.ElementAt(2)[2]);

        var act = () => factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(WriteRecipe(factory, "invalid-item", json)));

        (await act.Should().ThrowAsync<RecipeException>()).Which.Message.Should().Contain(expected);
        (await SnapshotAsync(factory)).Should().Be(before);
    }

    [Fact]
    public async Task A_recipe_can_run_other_recipes_in_its_transaction_but_not_itself()
    {
        using var factory = new PortalFactory();
        WriteRecipe(factory, "events", EventRecipe);
        var outer = WriteRecipe(factory, "outer", $$"""{ "name": "outer", "steps": [ { "name": "Recipes", "Values": [ { "name": "{{Path.Combine(factory.DataDirectory, "events.recipe.json").Replace("\\", "/")}}" } ] } ] }""");
        await factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(outer));
        (await factory.WithDbAsync(db => db.ContentItems.CountAsync(i => i.ContentItemId == "event-1"))).Should().Be(1);

        var loop = WriteRecipe(factory, "loop", $$"""{ "name": "loop", "steps": [ { "name": "Recipes", "Values": [ { "name": "{{Path.Combine(factory.DataDirectory, "loop.recipe.json").Replace("\\", "/")}}" } ] } ] }""");
        var act = () => factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(loop));
        (await act.Should().ThrowAsync<RecipeException>()).Which.Message.Should().Contain("includes itself");
    }

    public static TheoryData<string> EscapingIncludes => new() { "/etc/passwd", "../../etc/passwd", "../../something", "linked-file", "linked-folder/passwd" };

    [Theory, MemberData(nameof(EscapingIncludes))]
    public async Task A_recipe_cannot_run_a_file_outside_the_recipes_folder_or_its_own_folder(string include)
    {
        using var factory = new PortalFactory();
        var folder = Path.Combine(factory.DataDirectory, "site");
        System.IO.Directory.CreateDirectory(folder);
        File.CreateSymbolicLink(Path.Combine(folder, "linked-file.recipe.json"), "/etc/passwd");
        System.IO.Directory.CreateSymbolicLink(Path.Combine(folder, "linked-folder"), "/etc");
        var path = Path.Combine(folder, "outer.recipe.json");
        File.WriteAllText(path, $$"""{ "name": "outer", "steps": [ { "name": "Settings", "SiteName": "Changé" }, { "name": "Recipes", "Values": [ { "name": "{{include}}" } ] } ] }""");
        var before = await SnapshotAsync(factory);
        var settings = await factory.WithDbAsync(db => db.Documents.Where(d => d.Key == "SiteSettings").Select(d => d.Json).SingleAsync());

        var act = () => factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(path));

        (await act.Should().ThrowAsync<RecipeException>()).Which.Message.Should().Contain("outer.recipe.json, step 2 (Recipes)")
            .And.Contain($"\"{include}\" is outside the recipes folder and the folder of this recipe");
        (await SnapshotAsync(factory)).Should().Be(before);
        (await factory.WithDbAsync(db => db.Documents.Where(d => d.Key == "SiteSettings").Select(d => d.Json).SingleAsync())).Should().Be(settings);
    }

    [Fact]
    public async Task A_recipe_runs_a_recipe_beside_it_by_relative_name()
    {
        using var factory = new PortalFactory();
        var folder = Path.Combine(factory.DataDirectory, "site");
        System.IO.Directory.CreateDirectory(Path.Combine(folder, "parts"));
        File.WriteAllText(Path.Combine(folder, "parts", "events.recipe.json"), EventRecipe);
        var path = Path.Combine(folder, "outer.recipe.json");
        File.WriteAllText(path, """{ "name": "outer", "steps": [ { "name": "Recipes", "Values": [ { "name": "parts/events" }, { "name": "portal-base" } ] } ] }""");

        await factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(path));

        (await factory.WithDbAsync(db => db.ContentItems.CountAsync(i => i.ContentItemId == "event-1"))).Should().Be(1);
    }
}
