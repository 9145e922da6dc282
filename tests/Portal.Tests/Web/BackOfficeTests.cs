using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Recipes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>What an officer does in the back office, over HTTP with cookies and antiforgery tokens.</summary>
public sealed class BackOfficeTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string ServiceRecipe = """
        { "name": "service-type", "steps": [
          { "name": "ContentDefinition",
            "ContentParts": [ { "Name": "Respite", "Fields": [
              { "Name": "Places", "FieldType": "Numeric", "DisplayName": "Places", "DisplayNameDe": "Plätze", "Settings": { "Minimum": 0, "Maximum": 200, "Scale": 0 } },
              { "Name": "Contact", "FieldType": "Email", "DisplayName": "Courriel", "DisplayNameDe": "E-Mail" },
              { "Name": "Place", "FieldType": "GeoPoint", "DisplayName": "Position", "DisplayNameDe": "Position" } ] } ],
            "ContentTypes": [ { "Name": "Respite", "DisplayName": "Accueil de jour", "DisplayNameDe": "Tagespflege",
              "Parts": [ { "Name": "TitlePart" }, { "Name": "Respite" }, { "Name": "AutoroutePart" }, { "Name": "LocalizationPart" } ] } ] } ] }
        """;

    private static async Task<PortalFactory> SiteWithRecipeTypeAsync(string provider)
    {
        var factory = new PortalFactory(provider);
        var path = Path.Combine(factory.DataDirectory, "service-type.recipe.json");
        await File.WriteAllTextAsync(path, ServiceRecipe);
        await factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(path));
        return factory;
    }

    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    [Theory, MemberData(nameof(Providers))]
    public async Task An_administrator_creates_and_publishes_an_item_of_a_recipe_type_and_sees_its_versions(string provider)
    {
        using var factory = await SiteWithRecipeTypeAsync(provider);
        using var browser = factory.CreateBrowser();
        (await browser.SignInAsync()).Headers.Location!.ToString().Should().Be("/admin");

        (await browser.GetStringAsync("/admin")).Should().Contain("Accueil de jour");
        var created = await browser.PostFormAsync("/admin/content/Respite/new", "/admin/content/Respite/new",
        [
            F("TitlePart.Title.Text", "Accueil de jour Les Tilleuls"), F("Respite.Places.Value", "12"), F("Respite.Contact.Email", "accueil@tilleuls.example.fr"),
            F("Respite.Place.Latitude", "49,1197"), F("Respite.Place.Longitude", "6.1757"), F("LocalizationPart.Culture.Text", "fr"), F("submit", "publish"),
        ]);
        created.StatusCode.Should().Be(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var editUrl = created.Headers.Location!.ToString();

        var page = await factory.CreateClient().GetStringAsync("/fr/accueil-de-jour-les-tilleuls");
        page.Should().Contain("Accueil de jour Les Tilleuls").And.Contain("accueil@tilleuls.example.fr").And.Contain("49.1197");

        var edited = await browser.PostFormAsync(editUrl, editUrl,
        [
            F("stamp", await CurrentVersionAsync(factory, editUrl)), F("TitlePart.Title.Text", "Accueil de jour Les Tilleuls (nouveau)"),
            F("Respite.Places.Value", "14"), F("LocalizationPart.Culture.Text", "fr"), F("AutoroutePart.Path.Text", "accueil-de-jour-les-tilleuls"), F("submit", "draft"),
        ]);
        edited.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var versions = Browser.Decode(await browser.GetStringAsync(editUrl + "/versions"));
        versions.Should().Contain("Accueil de jour Les Tilleuls (nouveau)").And.Contain("Accueil de jour Les Tilleuls<");
        (await factory.CreateClient().GetStringAsync("/fr/accueil-de-jour-les-tilleuls")).Should().NotContain("(nouveau)");
    }

    private static Task<string> CurrentVersionAsync(PortalFactory factory, string editUrl)
    {
        var id = editUrl.Split('/').Last();
        return factory.WithDbAsync(db => db.ContentItems.Where(i => i.ContentItemId == id && i.Latest).Select(i => i.ConcurrencyStamp).SingleAsync());
    }

    [Fact]
    public async Task Invalid_input_shows_a_message_per_field_keeps_what_was_typed_and_saves_nothing()
    {
        using var factory = await SiteWithRecipeTypeAsync("Sqlite");
        using var browser = factory.CreateBrowser();
        await browser.SignInAsync();
        var before = await factory.WithDbAsync(db => db.ContentItems.CountAsync());

        var response = await browser.PostFormAsync("/admin/content/Respite/new", "/admin/content/Respite/new",
        [
            F("TitlePart.Title.Text", ""), F("Respite.Places.Value", "douze"), F("Respite.Contact.Email", "pas-une-adresse"),
            F("Respite.Place.Latitude", "95"), F("Respite.Place.Longitude", "6.17"), F("LocalizationPart.Culture.Text", "fr"), F("submit", "draft"),
        ]);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var html = Browser.Decode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("error-summary").And.Contain("href=\"#TitlePart_Title\"").And.Contain("href=\"#Respite_Places\"")
            .And.Contain("href=\"#Respite_Contact\"").And.Contain("href=\"#Respite_Place\"");
        html.Should().Contain("value=\"douze\"").And.Contain("value=\"pas-une-adresse\"").And.Contain("value=\"95\"");
        (await factory.WithDbAsync(db => db.ContentItems.CountAsync())).Should().Be(before);
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_409_and_the_form_keeps_the_typed_text()
    {
        using var factory = new PortalFactory();
        using var browser = factory.CreateBrowser();
        await browser.SignInAsync();
        const string url = "/admin/content/item/page-about-fr";
        var opened = await CurrentVersionAsync(factory, url);
        var first = await browser.PostFormAsync(url, url, [F("stamp", opened), F("TitlePart.Title.Text", "À propos (par Alice)"), F("LocalizationPart.Culture.Text", "fr"), F("submit", "draft")]);
        first.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var second = await browser.PostFormAsync(url, url, [F("stamp", opened), F("TitlePart.Title.Text", "À propos (par Bruno)"), F("LocalizationPart.Culture.Text", "fr"), F("submit", "draft")]);

        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var html = Browser.Decode(await second.Content.ReadAsStringAsync());
        html.Should().Contain("value=\"À propos (par Bruno)\"").And.Contain("Vos modifications n'ont pas été enregistrées");
        (await factory.WithDbAsync(db => db.ContentItems.Where(i => i.ContentItemId == "page-about-fr" && i.Latest).Select(i => i.DisplayText).SingleAsync()))
            .Should().Be("À propos (par Alice)");
    }

    [Fact]
    public async Task The_back_office_needs_a_signed_in_account_and_every_post_an_antiforgery_token()
    {
        using var factory = new PortalFactory();
        using var anonymous = factory.CreateBrowser();
        (await anonymous.GetAsync("/admin/content/Page")).Headers.Location!.ToString().Should().StartWith("http://localhost/admin/login");

        using var browser = factory.CreateBrowser();
        await browser.SignInAsync();
        var forged = await browser.PostAsync("/admin/content/item/page-about-fr/delete", new FormUrlEncodedContent([]));
        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await factory.WithDbAsync(db => db.ContentItems.CountAsync(i => i.ContentItemId == "page-about-fr" && i.Published))).Should().Be(1);
    }

    [Fact]
    public async Task After_three_wrong_passwords_the_next_attempt_waits_instead_of_locking_the_account()
    {
        using var factory = new PortalFactory();
        using var browser = factory.CreateBrowser();
        for (var i = 0; i < 3; i++) (await browser.SignInAsync(password: "wrong-password-" + i)).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var response = await browser.SignInAsync();

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        Browser.Decode(await response.Content.ReadAsStringAsync()).Should().Contain("ou trop de tentatives : réessayez dans 1 minute.");
        (await factory.WithDbAsync(db => db.Users.Where(u => u.Email == PortalFactory.AdminEmail).Select(u => u.LockoutEnd).SingleAsync())).Should().BeNull();
    }

    [Theory]
    [InlineData("/admin/content/Page?page=-1")]
    [InlineData("/admin/content/Page?page=abc")]
    [InlineData("/admin/content/Page?status=Nope")]
    [InlineData("/admin/content/Page?sort=drop")]
    public async Task Bad_query_strings_are_answered_400(string url)
    {
        using var factory = new PortalFactory();
        using var browser = factory.CreateBrowser();
        await browser.SignInAsync();
        (await browser.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Content_lists_filter_search_sort_and_paginate()
    {
        using var factory = new PortalFactory();
        using var browser = factory.CreateBrowser();
        await browser.SignInAsync();
        var html = Browser.Decode(await browser.GetStringAsync("/admin/content/Page?culture=de&q=portal&sort=title"));
        html.Should().Contain("Über das Portal").And.NotContain("À propos du portail");
        html = Browser.Decode(await browser.GetStringAsync("/admin/content/Page?status=Draft"));
        html.Should().NotContain("Über das Portal");
    }
}
