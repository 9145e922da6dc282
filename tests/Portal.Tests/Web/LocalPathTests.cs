using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Hosting;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>A "path of this site" is "/" and a name: "//host" and "/\host" lead elsewhere, in links as in return addresses.</summary>
public sealed class LocalPathTests(SharedSite site) : IClassFixture<SharedSite>
{
    public static TheoryData<string> Forged => new() { "/\\evil.example", "//evil.example", "/\\/evil", "\\\\evil", "\\/evil.example", "/\t/evil.example", "/\n/evil.example" };

    [Theory, MemberData(nameof(Forged))]
    public void A_forged_site_path_is_not_a_path_of_this_site(string url) => LocalPath.IsValid(url).Should().BeFalse();

    [Theory]
    [InlineData("/")]
    [InlineData("/fr/carte")]
    [InlineData("/fr/recherche?q=r%C3%A9pit&type=Action")]
    public void A_site_path_is_accepted(string url) => LocalPath.IsValid(url).Should().BeTrue();

    private Task<IReadOnlyList<string>> LinkErrorsAsync(string url) => site.Factory.WithScopeAsync(async sp =>
    {
        var type = "ProbeLink" + Guid.NewGuid().ToString("N")[..6];
        var store = sp.GetRequiredService<IContentDefinitionStore>();
        await store.AlterPartAsync(type, p => p.WithField("F", "Link", "Lien", "Link"));
        await store.AlterTypeAsync(type, t => t.WithPart(type));
        var manager = sp.GetRequiredService<IContentManager>();
        var item = await manager.NewAsync(type);
        item.Data = new JsonObject { [type] = new JsonObject { ["F"] = new JsonObject { ["Url"] = url, ["Text"] = "Carte" } } };
        return (IReadOnlyList<string>)(await manager.ValidateAsync(item)).Errors.Select(e => e.Message).ToList();
    });

    [Theory, MemberData(nameof(Forged))]
    public async Task A_link_to_a_forged_site_path_is_refused_with_a_clear_message(string url)
    {
        (await LinkErrorsAsync(url)).Should().ContainSingle().Which.Should().Contain("Lien").And.Contain("/fr/carte").And.Contain("another site");
    }

    [Theory]
    [InlineData("/fr/carte")]
    [InlineData("https://www.moselle.fr/senior-activ")]
    public async Task A_link_to_a_site_path_or_a_web_address_is_accepted(string url)
    {
        (await LinkErrorsAsync(url)).Should().BeEmpty();
    }

    [Theory, MemberData(nameof(Forged))]
    public async Task Signing_in_never_returns_to_a_forged_path(string returnUrl)
    {
        using var browser = site.Factory.CreateBrowser();
        var response = await browser.PostFormAsync("/admin/login", "/admin/login",
            [new("Email", PortalFactory.AdminEmail), new("Password", PortalFactory.AdminPassword), new("ReturnUrl", returnUrl)]);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        LocalPath.IsValid(response.Headers.Location!.OriginalString).Should().BeTrue(response.Headers.Location.OriginalString);
    }

    [Theory, MemberData(nameof(Forged))]
    public async Task Switching_the_back_office_language_never_returns_to_a_forged_path(string returnUrl)
    {
        using var browser = site.Factory.CreateBrowser();
        var response = await browser.PostFormAsync("/admin/login", "/admin/culture", [new("culture", "de"), new("returnUrl", returnUrl)]);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/admin");
    }
}
