using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Recipes;
using Portal.Taxonomies.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Taxonomies;

public sealed class TaxonomyTests(SharedSite site) : IClassFixture<SharedSite>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    [Fact]
    public async Task The_base_recipe_brings_every_vocabulary_with_french_and_german_labels()
    {
        var vocabularies = await site.Factory.WithScopeAsync(sp => sp.GetRequiredService<VocabularyStore>().ListAsync());

        vocabularies.Select(v => v.Name).Should().Contain(["structure-types", "domains", "disability-types", "audiences", "support-types",
            "cared-for", "accessibility", "fees", "reception-modes", "languages", "territories"]);
        vocabularies.SelectMany(v => v.Terms).Should().OnlyContain(t => !string.IsNullOrEmpty(t.Label["fr"]) && !string.IsNullOrEmpty(t.Label["de"]));
        var territories = vocabularies.Single(v => v.Name == "territories");
        territories.Terms.Count(t => t.Parent == "departement-93").Should().Be(40);
        territories.Terms.Count(t => t.Parent == "departement-57").Should().Be(727);
        var metz = territories.Terms.Single(t => t.Codes.GetValueOrDefault("insee") == "57463");
        (metz.Label["fr"], metz.Latitude, metz.Longitude).Should().Be(("Metz", 49.10814, 6.19595));
        territories.Find("sarre")!.Label["de"].Should().Be("Saarland");
        vocabularies.Single(v => v.Name == "disability-types").Find("visuel")!.Codes["data-inclusion-v0"].Should().Be("deficience-visuelle");
        vocabularies.Single(v => v.Name == "support-types").Find("accueil-de-jour")!.Label["de"]!.Should().StartWith("Tagespflege");
    }

    private async Task<IReadOnlyList<string>> ErrorsAsync(JsonNode? value, bool multiple)
    {
        return await site.Factory.WithScopeAsync(async sp =>
        {
            var type = "Tax" + Guid.NewGuid().ToString("N")[..8];
            var store = sp.GetRequiredService<IContentDefinitionStore>();
            await store.AlterPartAsync(type, p => p.WithField("Handicaps", "TaxonomyTerms", "Handicaps", "Behinderungen", s =>
            {
                s.Multiple = multiple;
                s.Extra = new JsonObject { ["Vocabulary"] = "disability-types" };
            }));
            await store.AlterTypeAsync(type, t => t.WithPart(type));
            var manager = sp.GetRequiredService<IContentManager>();
            var item = await manager.NewAsync(type);
            item.Data = new JsonObject { [type] = new JsonObject { ["Handicaps"] = value } };
            return (IReadOnlyList<string>)(await manager.ValidateAsync(item)).Errors.Select(e => e.Message).ToList();
        });
    }

    [Fact]
    public async Task A_terms_field_accepts_terms_of_its_vocabulary_only()
    {
        (await ErrorsAsync(new JsonObject { ["Terms"] = new JsonArray("moteur", "visuel") }, multiple: true)).Should().BeEmpty();
        (await ErrorsAsync(new JsonObject { ["Terms"] = new JsonArray("moteur", "telepathique") }, multiple: true)).Should().ContainSingle().Which.Should().Contain("telepathique");
        (await ErrorsAsync(new JsonObject { ["Terms"] = new JsonArray("moteur", "visuel") }, multiple: false)).Should().ContainSingle();
    }

    public static TheoryData<string, string> BrokenVocabularies => new()
    {
        { """{ "Name": "v", "DisplayName": "V", "DisplayNameDe": "V", "Terms": [ { "Slug": "a", "Fr": "A", "De": "A" }, { "Slug": "a", "Fr": "B", "De": "B" } ] }""", "used twice" },
        { """{ "Name": "v", "DisplayName": "V", "DisplayNameDe": "V", "Terms": [ { "Slug": "a", "Fr": "A", "De": "" } ] }""", "needs a German label" },
        { """{ "Name": "v", "DisplayName": "V", "DisplayNameDe": "V", "Terms": [ { "Slug": "a", "Fr": "A", "De": "A", "Parent": "b" }, { "Slug": "b", "Fr": "B", "De": "B", "Parent": "a" } ] }""", "its own ancestor" },
        { """{ "Name": "v", "DisplayName": "V", "DisplayNameDe": "V", "Terms": [ { "Slug": "A B", "Fr": "A", "De": "A" } ] }""", "lower-case" },
    };

    [Theory, MemberData(nameof(BrokenVocabularies))]
    public async Task A_broken_vocabulary_fails_its_recipe_step_with_the_reason(string vocabulary, string reason)
    {
        var path = Path.Combine(site.Factory.DataDirectory, Guid.NewGuid().ToString("N") + ".recipe.json");
        await File.WriteAllTextAsync(path, $$"""{ "name": "broken", "steps": [ { "name": "Taxonomies", "Vocabularies": [ {{vocabulary}} ] } ] }""");

        var act = () => site.Factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(path));

        (await act.Should().ThrowAsync<RecipeException>()).Which.Message.Should().Contain("step 1 (Taxonomies)").And.Contain(reason);
        (await site.Factory.WithDbAsync(db => db.ContentItems.AnyAsync(i => i.ContentItemId == "voc-v"))).Should().BeFalse();
    }

    [Fact]
    public async Task An_editor_renames_a_term_adds_one_and_gets_messages_for_bad_input()
    {
        using var browser = site.Factory.CreateBrowser();
        await browser.SignInAsync();
        Browser.Decode(await browser.GetStringAsync("/admin/taxonomies")).Should().Contain("Types de handicap").And.Contain("Territoires");
        Browser.Decode(await browser.GetStringAsync("/admin/taxonomies/territories?q=57463")).Should().Contain("Metz").And.NotContain("Montreuil");

        const string url = "/admin/taxonomies/languages/terms/lb";
        var stamp = await site.Factory.WithScopeAsync(sp => sp.GetRequiredService<VocabularyStore>().StampAsync("languages"));
        var saved = await browser.PostFormAsync(url, url, [F("Stamp", stamp!), F("Slug", "lb"), F("Fr", "Luxembourgeois (lëtzebuergesch)"), F("De", "Luxemburgisch"), F("Parent", "")]);
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await site.Factory.WithScopeAsync(sp => sp.GetRequiredService<VocabularyStore>().GetAsync("languages")))!.Find("lb")!.Label["fr"].Should().Be("Luxembourgeois (lëtzebuergesch)");

        var refused = await browser.PostFormAsync("/admin/taxonomies/languages/terms/new", "/admin/taxonomies/languages/terms/new",
            [F("Stamp", stamp!), F("Slug", "it"), F("Fr", "Italien"), F("De", ""), F("Codes", "pas un code")]);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var html = Browser.Decode(await refused.Content.ReadAsStringAsync());
        html.Should().Contain("value=\"Italien\"").And.Contain("href=\"#De\"").And.Contain("href=\"#Codes\"").And.Contain("pas un code");

        // The stamp read before the rename is stale now: nothing is overwritten.
        var stale = await browser.PostFormAsync("/admin/taxonomies/languages/terms/new", "/admin/taxonomies/languages/terms/new",
            [F("Stamp", stamp!), F("Slug", "it"), F("Fr", "Italien"), F("De", "Italienisch")]);
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await site.Factory.WithScopeAsync(sp => sp.GetRequiredService<VocabularyStore>().ReloadAsync("languages")))!.Find("it").Should().BeNull();
    }

    [Fact]
    public async Task A_terms_field_is_edited_with_checkboxes_and_shown_with_labels_in_the_visitors_language()
    {
        var recipe = Path.Combine(site.Factory.DataDirectory, "club.recipe.json");
        await File.WriteAllTextAsync(recipe, """
            { "name": "club", "steps": [
              { "name": "ContentDefinition",
                "ContentParts": [ { "Name": "Club", "Fields": [
                  { "Name": "Handicaps", "FieldType": "TaxonomyTerms", "DisplayName": "Handicaps accueillis", "DisplayNameDe": "Willkommene Behinderungen",
                    "Settings": { "Multiple": true, "Required": true, "Extra": { "Vocabulary": "disability-types" } } },
                  { "Name": "Commune", "FieldType": "TaxonomyTerms", "DisplayName": "Commune", "DisplayNameDe": "Gemeinde",
                    "Settings": { "Extra": { "Vocabulary": "territories" } } } ] } ],
                "ContentTypes": [ { "Name": "Club", "DisplayName": "Club", "DisplayNameDe": "Verein",
                  "Parts": [ { "Name": "TitlePart" }, { "Name": "Club" }, { "Name": "AutoroutePart" } ] } ] },
              { "name": "Content", "data": [ { "ContentItemId": "club-1", "ContentType": "Club", "TitlePart": { "Title": { "Text": "Club de cécifoot" } },
                  "Club": { "Handicaps": { "Terms": [ "visuel" ] }, "Commune": { "Terms": [ "57463-metz" ] } } } ] } ] }
            """);
        await site.Factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe));

        using var browser = site.Factory.CreateBrowser();
        await browser.SignInAsync();
        var editor = Browser.Decode(await browser.GetStringAsync("/admin/content/item/club-1"));
        editor.Should().Contain("type=\"checkbox\" id=\"Club_Handicaps-visuel\" name=\"Club.Handicaps.Terms\" value=\"visuel\" checked=\"checked\"");
        editor.Should().Contain("<option value=\"57463-metz\" selected=\"selected\">");

        var client = site.Factory.CreateClient();
        Browser.Decode(await client.GetStringAsync("/fr/club-de-cecifoot")).Should().Contain("Handicap visuel (cécité / malvoyance)").And.Contain("Metz");
        Browser.Decode(await client.GetStringAsync("/de/club-de-cecifoot")).Should().Contain("Sehbehinderung / Blindheit").And.Contain("Willkommene Behinderungen");
    }
}
