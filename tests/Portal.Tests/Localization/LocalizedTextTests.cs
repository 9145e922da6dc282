using System.Text.Json;
using Portal.Core.Content;
using Portal.Core.Localization;
using Portal.Core.Settings;
using Portal.Taxonomies.Models;

namespace Portal.Tests.Localization;

/// <summary>Labels are data keyed by culture, and the old French/German JSON shapes still read.</summary>
public sealed class LocalizedTextTests
{
    private static readonly Cultures Three = new([new("fr", "Français"), new("de", "Deutsch"), new("en", "English")]);

    [Fact]
    public void A_label_is_shown_in_the_requested_culture_then_the_default_one_then_any()
    {
        var label = new LocalizedText([new("de", "Beginn"), new("fr", "Début")]);
        label.For("de", Three).Should().Be("Beginn");
        label.For("en", Three).Should().Be("Début", "the default culture stands in");
        new LocalizedText([new("de", "Beginn")]).For("en", Three).Should().Be("Beginn", "any text beats none");
        LocalizedText.Of("Début").For("de", Three).Should().Be("Début");
        LocalizedText.Of("Début").InputFor("fr", Three).Should().Be("Début", "a text naming no culture fills the default culture's input");
        LocalizedText.Of("Début").InputFor("en", Three).Should().BeNull();
        LocalizedText.Empty.For("fr", Three).Should().BeEmpty();
    }

    [Fact]
    public void A_field_definition_reads_the_old_german_sibling_and_the_new_map_alike_and_writes_the_map()
    {
        var old = JsonSerializer.Deserialize<ContentPartFieldDefinition>(
            """{ "Name": "Starts", "DisplayName": "Début", "DisplayNameDe": "Beginn", "Settings": { "Hint": "Jour", "HintDe": "Tag", "Options": [ { "Value": "a", "Label": "A", "LabelDe": "Ä" } ] } }""", ContentJson.Options)!;
        var now = JsonSerializer.Deserialize<ContentPartFieldDefinition>(
            """{ "DisplayNameDe": "Beginn", "Name": "Starts", "DisplayName": { "fr": "Début", "en": "Start" } }""", ContentJson.Options)!;

        (old.LabelFor("de", Three), old.LabelFor("fr", Three), old.LabelFor("en", Three)).Should().Be(("Beginn", "Début", "Début"));
        (old.Settings.HintFor("de", Three), old.Settings.Options[0].LabelFor("de", Three)).Should().Be(("Tag", "Ä"));
        (now.LabelFor("de", Three), now.LabelFor("en", Three)).Should().Be(("Beginn", "Start"), "the sibling counts whatever its place");

        var written = JsonSerializer.Serialize(now, ContentJson.Options);
        written.Should().Contain("\"DisplayName\":{\"fr\":\"Début\",\"en\":\"Start\",\"de\":\"Beginn\"}").And.NotContain("DisplayNameDe");
        JsonSerializer.Deserialize<ContentPartFieldDefinition>(written, ContentJson.Options)!.DisplayName.Should().Be(now.DisplayName);
    }

    [Fact]
    public void Terms_and_site_settings_read_their_old_shapes()
    {
        var term = JsonSerializer.Deserialize<Term>("""{ "Slug": "sarre", "Fr": "Sarre", "De": "Saarland" }""", ContentJson.Options)!;
        (term.Label["fr"], term.Label["de"], term.LabelFor("en", Three)).Should().Be(("Sarre", "Saarland", "Sarre"));
        JsonSerializer.Serialize(term, ContentJson.Options).Should().Contain("\"Label\":{\"fr\":\"Sarre\",\"de\":\"Saarland\"}").And.NotContain("\"Fr\"");

        var settings = JsonSerializer.Deserialize<SiteSettings>("""{ "SiteName": "Portail", "SiteNameDe": "Portal", "TaglineDe": "Nur Deutsch" }""", ContentJson.Options)!;
        (settings.SiteNameFor("fr", Three), settings.SiteNameFor("de", Three), settings.TaglineFor("fr", Three)).Should().Be(("Portail", "Portal", "Nur Deutsch"));
    }
}
