using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Directory;

/// <summary>The sample directories of the two départements, as a fresh site sets them up.</summary>
public sealed partial class SeedRecipeTests
{
    private static async Task<int> CountAsync(HttpClient client, string type, string culture) =>
        JsonNode.Parse(await client.GetStringAsync($"/api/content?type={type}&culture={culture}&pageSize=1"))!["total"]!.GetValue<int>();

    [Fact]
    public void The_default_setup_recipe_is_the_grande_region()
    {
        var settings = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();
        settings["Portal:Setup:Recipe"].Should().Be("grande-region");
    }

    [Theory]
    [InlineData("grande-region", 80, 150, 40, true)]
    [InlineData("seine-saint-denis", 120, 250, 60, false)]
    public async Task A_seed_recipe_sets_up_its_sample_directory_again_and_again_without_duplicates(string recipe, int actors, int actions, int supports, bool german)
    {
        using var factory = new PortalFactory(recipe: recipe);
        var client = factory.CreateClient();

        (await CountAsync(client, "Actor", "fr")).Should().BeGreaterThanOrEqualTo(actors);
        (await CountAsync(client, "Action", "fr")).Should().BeGreaterThanOrEqualTo(actions);
        (await CountAsync(client, "AidantSupport", "fr")).Should().BeGreaterThanOrEqualTo(supports);
        if (german)
        {
            var de = JsonNode.Parse(await client.GetStringAsync("/api/content?type=Action&culture=de&pageSize=5"))!;
            de["total"]!.GetValue<int>().Should().BeGreaterThan(0);
            de["items"]!.AsArray().Should().OnlyContain(i => i!["culture"]!.GetValue<string>() == "de" && i["url"]!.GetValue<string>().StartsWith("/de/angebote/"));
        }
        // Every item is marked as sample data, and the site says so.
        (await factory.WithDbAsync(db => db.ContentItems.Where(i => i.Latest && (i.ContentType == "Actor" || i.ContentType == "Action" || i.ContentType == "AidantSupport")).Select(i => i.Content).ToListAsync()))
            .Should().OnlyContain(c => c.Contains("\"Sample\":{\"Value\":true}"));

        var before = await factory.WithDbAsync(db => db.ContentItems.CountAsync());
        await factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe));
        (await factory.WithDbAsync(db => db.ContentItems.CountAsync())).Should().Be(before, "a second run updates nothing and duplicates nothing");
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdScript();

    [Fact]
    public async Task A_sample_of_detail_pages_answers_in_both_cultures_with_valid_json_ld()
    {
        using var factory = new PortalFactory(recipe: "grande-region");
        var client = factory.CreateClient();
        foreach (var (type, culture) in new[] { ("Actor", "fr"), ("Actor", "de"), ("Action", "fr"), ("Action", "de"), ("AidantSupport", "fr"), ("AidantSupport", "de") })
        {
            var list = JsonNode.Parse(await client.GetStringAsync($"/api/content?type={type}&culture={culture}&pageSize=4&page=2"))!;
            foreach (var entry in list["items"]!.AsArray())
            {
                var url = entry!["url"]!.GetValue<string>();
                var response = await client.GetAsync(url);
                response.StatusCode.Should().Be(HttpStatusCode.OK, url);
                var html = await response.Content.ReadAsStringAsync();
                html.Should().Contain($"<html lang=\"{culture}\">");
                var jsonLd = JsonNode.Parse(JsonLdScript().Match(html).Groups[1].Value)!;
                jsonLd["@type"]!.GetValue<string>().Should().Be(type == "Actor" ? "Organization" : "Service", url);
                jsonLd["name"]!.GetValue<string>().Should().Be(entry["title"]!.GetValue<string>());
            }
        }
    }
}
