using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>Content permissions per type ("PublishContent.News") and for one's own items ("EditOwnContent").</summary>
public sealed class ContentPermissionTests
{
    private const string Password = "Roles-Passw0rd-Long";

    [Fact]
    public async Task A_role_may_hold_a_permission_for_one_type_or_for_its_own_items_only()
    {
        using var factory = new PortalFactory(recipe: "grande-region");
        using var admin = factory.CreateBrowser();
        await admin.SignInAsync();
        var recipe = Path.Combine(factory.DataDirectory, "roles.recipe.json");
        await File.WriteAllTextAsync(recipe, """
            { "name": "roles-test", "steps": [ { "name": "Roles", "Roles": [
              { "Name": "NewsEditor", "Permissions": [ "AccessAdmin", "EditContent.News", "PublishContent.News" ] },
              { "Name": "Contributor", "Permissions": [ "AccessAdmin", "EditOwnContent.Page" ] } ] } ] }
            """);
        await factory.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe);
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            foreach (var (email, role) in new[] { ("news@test.example", "NewsEditor"), ("contrib@test.example", "Contributor") })
            {
                var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
                (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
                await users.AddToRoleAsync(user, role);
            }
        });
        // An unknown type or permission is refused with the step named.
        var bad = Path.Combine(factory.DataDirectory, "bad.recipe.json");
        await File.WriteAllTextAsync(bad, """{ "name": "bad", "steps": [ { "name": "Roles", "Roles": [ { "Name": "X", "Permissions": [ "PublishContent.Nope" ] } ] } ] }""");
        var refused = () => factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(bad));
        (await refused.Should().ThrowAsync<RecipeException>()).Which.Message.Should().Contain("step 1 (Roles)").And.Contain("PublishContent.Nope");

        // The roles screen shows and changes the same permissions: an unknown one is refused with its name, the rest kept.
        var roles = Browser.Decode(await admin.GetStringAsync("/admin/roles"));
        roles.Should().Contain("NewsEditor").And.Contain("PublishContent.News");
        var wrong = await admin.PostFormAsync("/admin/roles/Contributor", "/admin/roles/Contributor", [new("Granted", "AccessAdmin"), new("PerType", "EditOwnContent.Page\nPublishContent.Nope")]);
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Browser.Decode(await wrong.Content.ReadAsStringAsync()).Should().Contain("PublishContent.Nope").And.Contain("EditOwnContent.Page");
        (await admin.PostFormAsync("/admin/roles/new", "/admin/roles/new", [new("Name", "Reader"), new("Granted", "AccessAdmin")])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        Browser.Decode(await admin.GetStringAsync("/admin/roles")).Should().Contain("Reader");
        (await admin.GetAsync("/admin/roles/Administrator")).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        using var news = factory.CreateBrowser();
        await news.SignInAsync("news@test.example", Password);
        var created = await news.PostFormAsync("/admin/content/News/new", "/admin/content/News/new",
            [new("TitlePart.Title.Text", "Nouvelle rubrique"), new("News.Summary.Text", "Résumé."), new("News.PublicationDate.Value", "2026-11-24"), new("LocalizationPart.Culture.Text", "fr"), new("submit", "publish")]);
        created.StatusCode.Should().Be(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        created.Headers.Location!.OriginalString.Should().StartWith("/admin/content/item/");
        (await news.GetAsync("/admin/content/Action/new")).Headers.Location!.OriginalString.Should().Contain("/admin/denied");
        (await news.PostFormAsync("/admin/content/News", "/admin/content/item/gr-action-001-fr/publish", [])).Headers.Location!.OriginalString.Should().Contain("/admin/denied");
        (await news.PostFormAsync("/admin/content/News", "/admin/content/item/gr-action-001-fr/delete", [])).Headers.Location!.OriginalString.Should().Contain("/admin/denied");

        using var contributor = factory.CreateBrowser();
        await contributor.SignInAsync("contrib@test.example", Password);
        var page = await contributor.PostFormAsync("/admin/content/Page/new", "/admin/content/Page/new",
            [new("TitlePart.Title.Text", "Ma page"), new("LocalizationPart.Culture.Text", "fr"), new("submit", "draft")]);
        page.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var own = page.Headers.Location!.OriginalString;
        var stamp = System.Text.RegularExpressions.Regex.Match(await contributor.GetStringAsync(own), "name=\"stamp\" value=\"([^\"]+)\"").Groups[1].Value;
        (await contributor.PostFormAsync(own, own, [new("stamp", stamp), new("TitlePart.Title.Text", "Ma page, revue"), new("LocalizationPart.Culture.Text", "fr"), new("submit", "draft")]))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await contributor.PostFormAsync(own, own, [new("stamp", stamp), new("TitlePart.Title.Text", "Publiée ?"), new("LocalizationPart.Culture.Text", "fr"), new("submit", "publish")]))
            .Headers.Location!.OriginalString.Should().Contain("/admin/denied", "publishing needs its own permission");
        // Someone else's page: refused.
        var others = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.ContentItems.Where(i => i.Latest && i.ContentType == "Page" && i.Owner != "contrib@test.example")));
        var otherUrl = $"/admin/content/item/{others.ContentItemId}";
        (await contributor.PostFormAsync(otherUrl, otherUrl, [new("stamp", others.ConcurrencyStamp), new("TitlePart.Title.Text", "Piratée"), new("LocalizationPart.Culture.Text", "fr"), new("submit", "draft")]))
            .Headers.Location!.OriginalString.Should().Contain("/admin/denied");
    }
}
