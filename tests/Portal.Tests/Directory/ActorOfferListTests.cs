using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Directory;

/// <summary>
/// An actor's page lists its offers from memory (not by reading every offer's text): what it lists follows what is
/// published, unpublished or moved to another actor, at once.
/// </summary>
public sealed class ActorOfferListTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string Actor = "/fr/acteurs/handisport-saint-denis";
    private const string Offer = "href=\"/fr/actions/cecifoot-le-samedi\"";

    [Theory, MemberData(nameof(Providers))]
    public async Task The_offers_listed_on_an_actors_page_follow_publishing_and_the_offers_actor_field(string provider)
    {
        using var factory = new PortalFactory(provider);
        var recipe = Path.Combine(factory.DataDirectory, "directory-test.recipe.json");
        await File.WriteAllTextAsync(recipe, DirectorySite.Recipe);
        await factory.WithScopeAsync(sp => sp.GetRequiredService<Portal.Core.Recipes.RecipeExecutor>().ExecuteAsync(recipe));
        var client = factory.CreateClient();
        (await client.GetStringAsync(Actor)).Should().Contain(Offer);
        const string offerId = "action-1";

        (await factory.WithScopeAsync(sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(offerId))).Succeeded.Should().BeTrue();
        (await client.GetStringAsync(Actor)).Should().NotContain(Offer, "an unpublished offer leaves its actor's page");

        (await factory.WithScopeAsync(sp => sp.GetRequiredService<IContentManager>().PublishAsync(offerId))).Succeeded.Should().BeTrue();
        (await client.GetStringAsync(Actor)).Should().Contain(Offer, "published again, it is listed again");

        // Moved to another actor: listed there, no longer here.
        var first = DirectorySite.Recipe.IndexOf("{ \"ContentItemId\": \"actor-fr\"", StringComparison.Ordinal);
        var actor = DirectorySite.Recipe[first..DirectorySite.Recipe.IndexOf("{ \"ContentItemId\": \"actor-de\"", StringComparison.Ordinal)].TrimEnd().TrimEnd(',')
            .Replace("\"actor-fr\"", "\"actor-2-fr\"", StringComparison.Ordinal).Replace("\"actor-1\"", "\"actor-2\"", StringComparison.Ordinal)
            .Replace("Handisport Saint-Denis", "Tennis adapté Bobigny", StringComparison.Ordinal).Replace("73282932000074", "35600000049837", StringComparison.Ordinal);
        var second = Path.Combine(factory.DataDirectory, "second-actor.recipe.json");
        await File.WriteAllTextAsync(second, "{ \"name\": \"second-actor\", \"steps\": [ { \"name\": \"Content\", \"data\": [ " + actor + " ] } ] }");
        await factory.WithScopeAsync(sp => sp.GetRequiredService<Portal.Core.Recipes.RecipeExecutor>().ExecuteAsync(second));
        var other = await factory.WithDbAsync(db => db.ContentItems.AsNoTracking()
            .Where(i => i.Published && i.ContentItemId == "actor-2-fr").Select(i => new { i.ContentItemId, i.Path }).SingleAsync());
        var moved = await factory.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<IContentManager>();
            var latest = (await manager.GetAsync(offerId, VersionOptions.Latest))!;
            var data = (JsonObject)latest.Data.DeepClone();
            data["Action"]!["Actor"] = new JsonObject { ["ContentItemIds"] = new JsonArray(other.ContentItemId) };
            var updated = await manager.UpdateAsync(latest, data, latest.ConcurrencyStamp);
            return updated.Succeeded ? await manager.PublishAsync(offerId) : updated;
        });
        moved.Succeeded.Should().BeTrue(moved.Message);
        (await client.GetStringAsync(Actor)).Should().NotContain(Offer);
        (await client.GetStringAsync("/fr/" + other.Path)).Should().Contain(Offer);
    }
}
