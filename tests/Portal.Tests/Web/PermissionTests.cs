using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>The roles of the base recipe, checked on the server whatever the page shows.</summary>
public sealed class PermissionTests(SharedSite site) : IClassFixture<SharedSite>
{
    private async Task<HttpClient> SignedInAsAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.example";
        await site.Factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
            (await users.CreateAsync(user, PortalFactory.AdminPassword)).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
        });
        var browser = site.Factory.CreateBrowser();
        (await browser.SignInAsync(email)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return browser;
    }

    [Fact]
    public async Task A_partner_account_cannot_open_the_back_office()
    {
        using var partner = await SignedInAsAsync("Partner");
        var response = await partner.GetAsync("/admin/content/Page");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/admin/denied");
        var post = await partner.PostFormAsync("/admin/login", "/admin/content/item/page-about-fr/delete", []);
        post.Headers.Location!.ToString().Should().Contain("/admin/denied");
    }

    [Fact]
    public async Task An_editor_edits_and_publishes_but_a_moderator_cannot_delete()
    {
        using var editor = await SignedInAsAsync("Editor");
        (await editor.GetAsync("/admin/content/Page")).StatusCode.Should().Be(HttpStatusCode.OK);
        var editPage = await editor.GetStringAsync("/admin/content/item/page-about-de");
        editPage.Should().Contain("value=\"publish\"").And.Contain("/delete");

        using var moderator = await SignedInAsAsync("Moderator");
        (await moderator.GetStringAsync("/admin/content/item/page-about-de")).Should().NotContain("/delete\"");
        var delete = await moderator.PostFormAsync("/admin/content/item/page-about-de", "/admin/content/item/page-about-de/delete", []);
        delete.Headers.Location!.ToString().Should().Contain("/admin/denied");
    }
}
