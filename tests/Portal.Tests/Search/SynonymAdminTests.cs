using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Search.Controllers;
using Portal.Search.Services;
using Portal.Search.Synonyms;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>The back office's synonym groups, on the Seine-Saint-Denis sample site.</summary>
[Collection(SeineSaintDenisCollection.Name)]
public sealed partial class SynonymAdminTests(SeineSaintDenisSite site)
{
    private const string Page = SynonymAdminController.BasePath;

    private async Task<List<string>> TitlesAsync(string q)
    {
        using var client = site.Factory.CreateClient();
        var result = JsonNode.Parse(await client.GetStringAsync("/api/search?culture=fr&pageSize=100&q=" + Uri.EscapeDataString(q)))!;
        return result["hits"]!.AsArray().Select(h => h!["title"]!.GetValue<string>()).ToList();
    }

    private async Task<HttpClient> AdminAsync()
    {
        var admin = site.Factory.CreateBrowser();
        await admin.SignInAsync();
        return admin;
    }

    [GeneratedRegex("href=\"/admin/search/synonyms/([0-9a-f]+)\"")]
    private static partial Regex EditLink();

    [Fact]
    public async Task A_group_added_changed_and_deleted_in_the_back_office_changes_the_results_without_reindexing()
    {
        var cursors = site.Factory.Services.GetRequiredService<SearchIndexManager>().Status();
        (await TitlesAsync("zorglub")).Should().BeEmpty();
        var admin = await AdminAsync();

        var added = await admin.SubmitAsync(Page + "?add=zorglub&culture=fr", Page, ("Terms", "zorglub, cécifoot"));
        added.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await TitlesAsync("zorglub")).Should().NotBeEmpty().And.OnlyContain(t => t.StartsWith("Cécifoot", StringComparison.Ordinal));

        var list = await admin.GetStringAsync(Page + "?culture=fr&q=zorglub");
        var id = EditLink().Match(list).Groups[1].Value;
        id.Should().NotBeEmpty(list);
        var changed = await admin.SubmitAsync($"{Page}/{id}", $"{Page}/{id}", ("Terms", "zorglub\nboccia"));
        changed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await TitlesAsync("zorglub")).Should().NotBeEmpty().And.OnlyContain(t => t.StartsWith("Boccia", StringComparison.Ordinal));

        var deleted = await admin.PostFormAsync(Page + "?culture=fr&q=zorglub", $"{Page}/{id}/delete", []);
        deleted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await TitlesAsync("zorglub")).Should().BeEmpty();
        site.Factory.Services.GetRequiredService<SearchIndexManager>().Status().Should().BeEquivalentTo(cursors, "nothing was reindexed");
    }

    [Fact]
    public async Task The_form_is_prefilled_from_a_link_and_shows_each_error_by_its_field_keeping_what_was_typed()
    {
        var admin = await AdminAsync();
        var prefilled = Browser.Decode(await admin.GetStringAsync(Page + "?add=maison%20de%20retraite&culture=de"));
        prefilled.Should().Contain(">maison de retraite</textarea>").And.Contain("<option value=\"de\" selected=\"selected\">");

        var oneWord = await admin.SubmitAsync(Page, Page, ("Culture", "fr"), ("Terms", "hippothérapie"));
        oneWord.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = Browser.Decode(await oneWord.Content.ReadAsStringAsync());
        page.Should().Contain("id=\"Terms-error\"").And.Contain(">hippothérapie</textarea>").And.Contain("aria-invalid=\"true\"");

        var badCulture = await admin.SubmitAsync(Page, Page, ("Culture", "xx"), ("Terms", "équithérapie, hippothérapie"));
        badCulture.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Browser.Decode(await badCulture.Content.ReadAsStringAsync()).Should().Contain("id=\"Culture-error\"").And.Contain("équithérapie, hippothérapie");

        using var anonymous = site.Factory.CreateBrowser();
        (await anonymous.GetAsync(Page)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var forged = await admin.PostAsync(Page, new FormUrlEncodedContent([new("Culture", "fr"), new("Terms", "a, b")]));
        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a post without the antiforgery token is refused");
    }

    [Fact]
    public async Task Editors_manage_synonyms_and_the_seed_has_at_least_150_groups()
    {
        await site.Factory.WithScopeAsync(async sp =>
        {
            var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
            var claims = await roles.GetClaimsAsync((await roles.FindByNameAsync("Editor"))!);
            claims.Should().Contain(c => c.Type == Portal.Core.Security.Roles.PermissionClaim && c.Value == Portal.Search.Permissions.ManageSynonyms);
            var moderator = await roles.GetClaimsAsync((await roles.FindByNameAsync("Moderator"))!);
            moderator.Should().NotContain(c => c.Value == Portal.Search.Permissions.ManageSynonyms);
            (await sp.GetRequiredService<SynonymStore>().ListAsync()).Should().HaveCountGreaterThanOrEqualTo(150);
        });
    }
}
