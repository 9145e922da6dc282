using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Directory.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Directory;

public sealed partial class DirectoryTests(DirectorySite site) : IClassFixture<DirectorySite>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    [Theory]
    [InlineData("73282932000074", true)]
    [InlineData("73282932000075", false)]
    [InlineData("7328293200007", false)]
    [InlineData("35600000049837", true)]
    public void Siret_check_digits_are_verified(string siret, bool valid) => Identifiers.IsValidSiret(siret).Should().Be(valid);

    [Theory]
    [InlineData("93200", "93066", true)]
    [InlineData("57000", "57463", true)]
    [InlineData("75001", "93066", false)]
    [InlineData("20000", "2A004", true)]
    public void Postcodes_must_belong_to_the_communes_departement(string postcode, string insee, bool matches) =>
        Identifiers.PostcodeMatchesCommune(postcode, insee).Should().Be(matches);

    private async Task<ContentValidationResult> ValidateAsync(string type, string json) => await site.Factory.WithScopeAsync(async sp =>
    {
        var manager = sp.GetRequiredService<IContentManager>();
        var item = await manager.NewAsync(type);
        item.Data = JsonNode.Parse(json)!.AsObject();
        return await manager.ValidateAsync(item);
    });

    [Fact]
    public async Task An_action_needs_an_actor_and_a_domain()
    {
        var result = await ValidateAsync("Action", """{ "TitlePart": { "Title": { "Text": "Sans acteur" } }, "Action": { "Description": { "Markdown": "x" } }, "LocalizationPart": { "Culture": { "Text": "fr" } } }""");
        result.Errors.Select(e => e.Key).Should().BeEquivalentTo(["Action.Actor", "Action.Domains"]);
    }

    [Fact]
    public async Task Bad_siret_postcode_email_and_url_get_a_message_on_their_field()
    {
        var result = await ValidateAsync("Actor", """
            { "TitlePart": { "Title": { "Text": "Structure" } },
              "Actor": { "Description": { "Markdown": "x" }, "Typology": { "Terms": [ "association" ] }, "Territory": { "Terms": [ "93066-saint-denis" ] },
                         "Siret": { "Text": "73282932000075" }, "Finess": { "Text": "93-12" } },
              "AddressPart": { "Postcode": { "Text": "57000" } },
              "ContactPart": { "Email": { "Email": "pas-une-adresse" }, "Website": { "Url": "www.example" } },
              "LocalizationPart": { "Culture": { "Text": "fr" } } }
            """);
        result.Errors.Select(e => e.Key).Should().BeEquivalentTo(["Actor.Siret", "Actor.Finess", "AddressPart.Postcode", "ContactPart.Email", "ContactPart.Website"]);
        result.Errors.Single(e => e.Key == "AddressPart.Postcode").Message.Should().Contain("93066");
    }

    [Fact]
    public async Task Slugs_carry_the_type_segment_of_each_culture()
    {
        var paths = await site.Factory.WithDbAsync(db => db.ContentItems.Where(i => i.Published).ToDictionaryAsync(i => i.ContentItemId, i => i.Path));
        paths["actor-fr"].Should().Be("acteurs/handisport-saint-denis");
        paths["actor-de"].Should().Be("akteure/behindertensport-saint-denis");
        paths["action-1"].Should().Be("actions/cecifoot-le-samedi");
        paths["support-1"].Should().Be("aidants/groupe-de-parole-des-aidants");
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdScript();

    [Fact]
    public async Task The_actor_page_groups_its_information_links_its_offers_and_describes_itself_in_json_ld()
    {
        var html = Browser.Decode(await site.Factory.CreateClient().GetStringAsync("/fr/acteurs/handisport-saint-denis"));

        html.Should().Contain("<h1>Handisport Saint-Denis</h1>").And.Contain("<strong>omnisport</strong>").And.Contain("Clubs sportifs")
            .And.Contain("2 rue Jean Jaurès, 93200 Saint-Denis").And.Contain("<th scope=\"row\">du lundi au vendredi</th><td>9 h – 18 h</td>").And.Contain("Sanitaires adaptés").And.Contain("73282932000074")
            .And.Contain("href=\"/fr/actions/cecifoot-le-samedi\"").And.Contain("href=\"/fr/aidants/groupe-de-parole-des-aidants\"")
            .And.NotContain("Atelier en préparation").And.Contain("1 octobre 2026").And.Contain("Données d'exemple")
            .And.Contain("hreflang=\"de\" href=\"http://localhost/de/akteure/behindertensport-saint-denis\"");
        var jsonLd = JsonNode.Parse(JsonLdScript().Match(await site.Factory.CreateClient().GetStringAsync("/fr/acteurs/handisport-saint-denis")).Groups[1].Value)!;
        jsonLd["@type"]!.GetValue<string>().Should().Be("Organization");
        jsonLd["url"]!.GetValue<string>().Should().Be("http://localhost/fr/acteurs/handisport-saint-denis");
        jsonLd["address"]!["postalCode"]!.GetValue<string>().Should().Be("93200");
        jsonLd["location"]!["geo"]!["latitude"]!.GetValue<double>().Should().Be(48.9362);
        jsonLd["identifier"]!["value"]!.GetValue<string>().Should().Be("73282932000074");
    }

    [Fact]
    public async Task An_action_page_shows_every_filled_field_and_its_actor_and_inherits_the_actors_place()
    {
        var html = Browser.Decode(await site.Factory.CreateClient().GetStringAsync("/fr/actions/cecifoot-le-samedi"));
        html.Should().Contain("Sport adapté et handisport").And.Contain("Handicap visuel").And.Contain("Gratuit").And.Contain("Le samedi de 10 h à 12 h")
            .And.Contain("Chaque semaine").And.Contain("Inscription sur place").And.Contain("href=\"/fr/acteurs/handisport-saint-denis\"")
            .And.Contain("2 rue Jean Jaurès").And.Contain("48.9362, 2.3574");
        var jsonLd = JsonNode.Parse(JsonLdScript().Match(await site.Factory.CreateClient().GetStringAsync("/fr/actions/cecifoot-le-samedi")).Groups[1].Value)!;
        jsonLd["@type"]!.GetValue<string>().Should().Be("Service");
        jsonLd["provider"]!["name"]!.GetValue<string>().Should().Be("Handisport Saint-Denis");
    }

    [Theory]
    [InlineData("/fr/actions/atelier-en-preparation")]
    [InlineData("/fr/acteurs/inconnu")]
    [InlineData("/de/akteure/handisport-saint-denis")]
    public async Task Unpublished_unknown_or_other_language_items_are_404(string url)
    {
        (await site.Factory.CreateClient().GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_pages_show_the_published_items_of_their_culture()
    {
        var client = site.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var fr = Browser.Decode(await client.GetStringAsync("/fr/acteurs"));
        fr.Should().Contain("Handisport Saint-Denis").And.NotContain("Behindertensport");
        var de = Browser.Decode(await client.GetStringAsync("/de/akteure"));
        de.Should().Contain("Behindertensport Saint-Denis").And.NotContain("Handisport Saint-Denis");
        (await client.GetAsync("/de/acteurs")).Headers.Location!.ToString().Should().Be("/de/akteure");
        (await client.GetAsync("/fr/actions?page=0")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.GetAsync("/fr/actions?page=9")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_read_api_pages_published_items_by_type_and_culture()
    {
        var client = site.Factory.CreateClient();
        var fr = JsonNode.Parse(await client.GetStringAsync("/api/content?type=Actor&culture=fr"))!;
        fr["total"]!.GetValue<int>().Should().Be(1);
        var actor = fr["items"]![0]!;
        (actor["id"]!.GetValue<string>(), actor["url"]!.GetValue<string>(), actor["lastVerified"]!.GetValue<string>())
            .Should().Be(("actor-fr", "/fr/acteurs/handisport-saint-denis", "2026-10-01"));
        actor["fields"]!["Actor"]!["Siret"]!["Text"]!.GetValue<string>().Should().Be("73282932000074");

        var de = JsonNode.Parse(await client.GetStringAsync("/api/content?type=Actor&culture=de"))!;
        de["items"]![0]!["title"]!.GetValue<string>().Should().Be("Behindertensport Saint-Denis");

        var actions = JsonNode.Parse(await client.GetStringAsync("/api/content?type=Action&pageSize=1&page=1"))!;
        (actions["total"]!.GetValue<int>(), actions["items"]!.AsArray().Count).Should().Be((1, 1), "the draft is not published");

        var translated = JsonNode.Parse(await client.GetStringAsync("/api/content/actor-fr?culture=de"))!;
        translated["id"]!.GetValue<string>().Should().Be("actor-de");
    }

    [Theory]
    [InlineData("/api/content?type=Nope", "Unknown type")]
    [InlineData("/api/content?type=Vocabulary", "Unknown type")]
    [InlineData("/api/content?page=-1", "page must be")]
    [InlineData("/api/content?pageSize=10000", "pageSize must be")]
    [InlineData("/api/content?culture=es", "Unknown culture")]
    public async Task Bad_api_parameters_get_400_with_a_reason(string url, string reason)
    {
        var response = await site.Factory.CreateClient().GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Contain("json");
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>().Should().Contain(reason);
        (await site.Factory.CreateClient().GetAsync("/api/content/action-draft")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_editor_creates_an_action_for_an_existing_actor_and_sees_it_on_the_site_after_publishing()
    {
        using var browser = site.Factory.CreateBrowser();
        await browser.SignInAsync();
        var form = Browser.Decode(await browser.GetStringAsync("/admin/content/Action/new"));
        form.Should().Contain("<option value=\"Handisport Saint-Denis (fr) [actor-fr]\"></option>").And.Contain("value=\"sport-adapte\"");

        var response = await browser.PostFormAsync("/admin/content/Action/new", "/admin/content/Action/new",
        [
            F("TitlePart.Title.Text", "Boccia adaptée"), F("Action.Description.Markdown", "Boccia pour tous, le mercredi."),
            F("Action.Actor.ContentItemIds", "Handisport Saint-Denis (fr) [actor-fr]"), F("Action.Domains.Terms", "sport-adapte"), F("Action.DisabilityTypes.Terms", "moteur"),
            F("Action.DisabilityTypes.Terms", "polyhandicap"), F("Action.Fees.Terms", "payant"), F("Action.FeeDetails.Text", "20 € par an"),
            F("LocalizationPart.Culture.Text", "fr"), F("submit", "publish"),
        ]);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, Browser.Decode(await response.Content.ReadAsStringAsync()));

        var page = Browser.Decode(await site.Factory.CreateClient().GetStringAsync("/fr/actions/boccia-adaptee"));
        page.Should().Contain("Boccia adaptée").And.Contain("Handicap moteur").And.Contain("20 € par an").And.Contain("href=\"/fr/acteurs/handisport-saint-denis\"");
        Browser.Decode(await site.Factory.CreateClient().GetStringAsync("/fr/acteurs/handisport-saint-denis")).Should().Contain("Boccia adaptée");
    }
}

public sealed class LocateAtCommuneTests(DirectorySite site) : IClassFixture<DirectorySite>
{
    [Fact]
    public async Task An_editor_places_an_actor_at_its_communes_centre_without_saving_anything()
    {
        using var browser = site.Factory.CreateBrowser();
        await browser.SignInAsync();
        var before = await site.Factory.WithDbAsync(db => db.ContentItems.CountAsync());
        Browser.Decode(await browser.GetStringAsync("/admin/content/Actor/new")).Should().Contain("value=\"action:locate-at-commune\"");

        var response = await browser.PostFormAsync("/admin/content/Actor/new", "/admin/content/Actor/new",
        [
            new("TitlePart.Title.Text", "Club de Metz"), new("Actor.Territory.Terms", "57463-metz"), new("LocalizationPart.Culture.Text", "fr"),
            new("submit", "action:locate-at-commune"),
        ]);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = Browser.Decode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("Placé au centre de Metz").And.Contain("value=\"49.10814\"").And.Contain("value=\"6.19595\"").And.Contain("value=\"Club de Metz\"");
        (await site.Factory.WithDbAsync(db => db.ContentItems.CountAsync())).Should().Be(before);
    }
}

public sealed class FarPositionTests(DirectorySite site) : IClassFixture<DirectorySite>
{
    [Fact]
    public async Task A_position_far_from_the_commune_is_saved_with_a_warning()
    {
        using var browser = site.Factory.CreateBrowser();
        await browser.SignInAsync();
        var response = await browser.PostFormAsync("/admin/content/Actor/new", "/admin/content/Actor/new",
        [
            new("TitlePart.Title.Text", "Club lointain"), new("Actor.Description.Markdown", "Un club."), new("Actor.Typology.Terms", "club-sportif"),
            new("Actor.Territory.Terms", "57463-metz"), new("Actor.Location.Latitude", "48.9362"), new("Actor.Location.Longitude", "2.3574"),
            new("LocalizationPart.Culture.Text", "fr"), new("submit", "draft"),
        ]);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = Browser.Decode(await browser.GetStringAsync(response.Headers.Location!.ToString()));
        page.Should().Contain("km du centre de Metz");
    }
}

public sealed class SampleNoticeTests
{
    [Fact]
    public async Task Every_public_page_says_sample_data_while_any_remains_in_both_languages()
    {
        using var withSamples = new DirectorySite();
        var client = withSamples.Factory.CreateClient();
        Browser.Decode(await client.GetStringAsync("/fr")).Should().Contain("Données d'exemple : ce site présente des fiches de démonstration");
        Browser.Decode(await client.GetStringAsync("/de/ueber-das-portal")).Should().Contain("Beispieldaten: Diese Seite zeigt Demonstrationseinträge");

        using var clean = new PortalFactory();
        Browser.Decode(await clean.CreateClient().GetStringAsync("/fr")).Should().NotContain("Données d'exemple");
    }
}
