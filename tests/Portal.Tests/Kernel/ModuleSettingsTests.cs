using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.DataMigrations;
using Portal.Core.Recipes;
using Portal.Maps.Settings;
using Portal.Moderation.Settings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel;

/// <summary>The map and freshness settings belong to Maps and Moderation: their own documents, set by the recipe's Settings step.</summary>
public sealed class ModuleSettingsTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_recipe_sets_module_settings_in_their_modules_and_older_sites_have_theirs_moved(string provider)
    {
        using var factory = new PortalFactory(provider);
        using var client = factory.CreateClient();
        (await factory.WithScopeAsync(sp => sp.GetRequiredService<MapSettingsStore>().GetAsync())).MapCenter.Should().Equal(49.1, 6.4, 8);

        var path = Path.Combine(factory.DataDirectory, "settings.recipe.json");
        await File.WriteAllTextAsync(path, """{ "name": "s", "steps": [ { "name": "Settings", "FreshnessMonths": 6, "MapCenter": [48.9, 2.4, 11], "PageSize": 30 } ] }""");
        await factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(path));
        (await factory.WithScopeAsync(sp => sp.GetRequiredService<FreshnessSettingsStore>().GetAsync())).FreshnessMonths.Should().Be(6);
        (await factory.WithScopeAsync(sp => sp.GetRequiredService<MapSettingsStore>().GetAsync())).MapCenter.Should().Equal(48.9, 2.4, 11);
        (await factory.WithDbAsync(db => db.Documents.SingleAsync(d => d.Key == "SiteSettings"))).Json.Should().NotContain("MapCenter").And.Contain("\"PageSize\":30");
        (await client.GetStringAsync("/fr/carte")).Should().Contain("data-center=\"48.9,2.4,11\"", "the map reads its module's settings");

        await File.WriteAllTextAsync(path, """{ "name": "s", "steps": [ { "name": "Settings", "MapCenter": [100, 0, 1] } ] }""");
        var refused = () => factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(path));
        (await refused.Should().ThrowAsync<RecipeException>()).Which.Message.Should().Contain("MapCenter must be [latitude, longitude, zoom]");

        // A site set up before: its map and freshness settings sit in the site settings, the modules' migrations move them.
        await factory.WithDbAsync(async db =>
        {
            var site = await db.Documents.SingleAsync(d => d.Key == "SiteSettings");
            site.Json = site.Json[..site.Json.LastIndexOf('}')] + ",\"MapCenter\":[43.6,1.44,9],\"MapTileUrl\":\"https://tiles.example.org/{z}/{x}/{y}.png\",\"FreshnessMonths\":18}";
            db.Documents.RemoveRange(db.Documents.Where(d => d.Key == "MapSettings" || d.Key == "FreshnessSettings"));
            db.DataMigrations.RemoveRange(db.DataMigrations.Where(m => m.Name == typeof(Portal.Maps.Migrations).FullName));
            (await db.DataMigrations.SingleAsync(m => m.Name == typeof(Portal.Moderation.Migrations).FullName)).Version = 1;
            return await db.SaveChangesAsync();
        });
        await factory.WithScopeAsync(async sp => { await sp.GetRequiredService<DataMigrationRunner>().RunAllAsync(); return 0; });

        var map = await factory.WithScopeAsync(sp => sp.GetRequiredService<MapSettingsStore>().GetAsync());
        (map.MapTileUrl, map.MapAttribution).Should().Be(("https://tiles.example.org/{z}/{x}/{y}.png", "© OpenStreetMap contributors"), "what the site settings did not hold keeps its default");
        map.MapCenter.Should().Equal(43.6, 1.44, 9);
        (await factory.WithScopeAsync(sp => sp.GetRequiredService<FreshnessSettingsStore>().GetAsync())).FreshnessMonths.Should().Be(18);
    }
}
