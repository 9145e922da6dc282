using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Recipes;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Directory;

/// <summary>How an offer's page says whom to call, how to join and when it is open, in French and German.</summary>
public sealed class OfferContactTests : IDisposable
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private const string Recipe = """
        { "name": "offer-contact-test", "steps": [ { "name": "Content", "data": [
          { "ContentItemId": "repit-fr", "ContentType": "Actor", "LocalizationSet": "repit",
            "TitlePart": { "Title": { "Text": "Plateforme de répit de Bondy" } },
            "Actor": { "Description": { "Markdown": "Information et relais pour les proches aidants." }, "Typology": { "Terms": [ "plateforme-repit" ] },
                       "Territory": { "Terms": [ "93010-bondy" ] }, "Location": { "Latitude": 48.9022, "Longitude": 2.4828 } },
            "AddressPart": { "Street": { "Text": "3 rue Pasteur" }, "Postcode": { "Text": "93140" }, "Commune": { "Text": "Bondy" }, "InseeCode": { "Text": "93010" } },
            "ContactPart": { "Phone": { "Phone": "01 99 00 12 34" }, "Email": { "Email": "contact@repit-bondy.example.org" }, "Website": { "Url": "https://repit-bondy.example.org/" } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "repit-de", "ContentType": "Actor", "LocalizationSet": "repit",
            "TitlePart": { "Title": { "Text": "Entlastungsstelle Bondy" } },
            "Actor": { "Description": { "Markdown": "Information und Entlastung für pflegende Angehörige." }, "Typology": { "Terms": [ "plateforme-repit" ] },
                       "Territory": { "Terms": [ "93010-bondy" ] } },
            "ContactPart": { "Phone": { "Phone": "01 99 00 12 34" }, "Email": { "Email": "contact@repit-bondy.example.org" } },
            "LocalizationPart": { "Culture": { "Text": "de" } } },
          { "ContentItemId": "halte-fr", "ContentType": "AidantSupport", "LocalizationSet": "halte",
            "TitlePart": { "Title": { "Text": "Halte-répit – Bondy" } },
            "AidantSupport": { "Description": { "Markdown": "Un après-midi pour souffler." }, "Actor": { "ContentItemIds": [ "repit-fr" ] },
                               "SupportTypes": { "Terms": [ "halte-repit" ] }, "OpeningHours": { "Text": "Mo,We,Fr 14:00-18:00; PH off" },
                               "RegistrationMode": { "Text": "sur-inscription" }, "RegistrationDetails": { "Text": "Appeler la plateforme le matin." } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "halte-de", "ContentType": "AidantSupport", "LocalizationSet": "halte",
            "TitlePart": { "Title": { "Text": "Betreuungsgruppe – Bondy" } },
            "AidantSupport": { "Description": { "Markdown": "Ein Nachmittag zum Durchatmen." }, "Actor": { "ContentItemIds": [ "repit-de" ] },
                               "SupportTypes": { "Terms": [ "halte-repit" ] }, "OpeningHours": { "Text": "Mo,We,Fr 14:00-18:00; PH off" },
                               "RegistrationMode": { "Text": "sur-inscription" } },
            "LocalizationPart": { "Culture": { "Text": "de" } } },
          { "ContentItemId": "boccia", "ContentType": "Action",
            "TitlePart": { "Title": { "Text": "Boccia – Bondy" } },
            "Action": { "Description": { "Markdown": "Boccia pour tous." }, "Actor": { "ContentItemIds": [ "repit-fr" ] }, "Domains": { "Terms": [ "sport-adapte" ] },
                        "OpeningHours": { "Text": "Mo-Fr 09:00-12:00; Jul-Aug off" }, "RegistrationMode": { "Text": "sans-inscription" } },
            "ContactPart": { "Phone": { "Phone": "01 99 00 56 78" } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } }
        ] } ] }
        """;

    // Wednesday 2 December 2026, 14:30 in Paris.
    private readonly PortalFactory _factory = new() { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(new FixedClock(new(2026, 12, 2, 13, 30, 0, TimeSpan.Zero))) };

    public OfferContactTests()
    {
        var path = Path.Combine(_factory.DataDirectory, "offer-contact-test.recipe.json");
        File.WriteAllText(path, Recipe);
        _factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(path)).GetAwaiter().GetResult();
    }

    public void Dispose() => _factory.Dispose();

    private async Task<string> PageAsync(string url) => Browser.Decode(await _factory.CreateClient().GetStringAsync(url));

    [Fact]
    public async Task An_offer_without_its_own_contact_shows_its_organisations_labelled_as_such()
    {
        var fr = await PageAsync("/fr/aidants/halte-repit-bondy");
        fr.Should().Contain("Contact de l'organisation").And.Contain("href=\"tel:+33199001234\"").And.Contain("01 99 00 12 34")
            .And.Contain("href=\"mailto:contact@repit-bondy.example.org\"").And.Contain("href=\"https://repit-bondy.example.org/\"")
            .And.Contain("Sur inscription").And.Contain("Appeler la plateforme le matin.");
        var de = await PageAsync("/de/angehoerige/betreuungsgruppe-bondy");
        de.Should().Contain("Kontakt der Einrichtung").And.Contain("href=\"tel:+33199001234\"").And.Contain("Nach Anmeldung");

        // An offer with a contact of its own shows that one, under "how to join".
        var own = await PageAsync("/fr/actions/boccia-bondy");
        own.Should().Contain("href=\"tel:+33199005678\"").And.Contain("Sans inscription").And.NotContain("Contact de l'organisation").And.NotContain("01 99 00 12 34");
    }

    [Fact]
    public async Task Offer_pages_show_hours_as_days_in_the_pages_language_whether_open_now_and_unsupported_hours_as_given()
    {
        var fr = await PageAsync("/fr/aidants/halte-repit-bondy");
        fr.Should().Contain("<th scope=\"row\">lundi, mercredi, vendredi</th><td>14 h – 18 h</td>").And.Contain("<th scope=\"row\">jours fériés</th><td>fermé</td>")
            .And.Contain("Ouvert maintenant").And.NotContain("Mo,We,Fr");
        var de = await PageAsync("/de/angehoerige/betreuungsgruppe-bondy");
        de.Should().Contain("<th scope=\"row\">Montag, Mittwoch, Freitag</th><td>14–18 Uhr</td>").And.Contain("<th scope=\"row\">Feiertage</th><td>geschlossen</td>")
            .And.Contain("Jetzt geöffnet");

        var unsupported = await PageAsync("/fr/actions/boccia-bondy");
        unsupported.Should().Contain("Mo-Fr 09:00-12:00; Jul-Aug off").And.NotContain("Ouvert maintenant");
    }

    [Fact]
    public async Task The_address_links_to_a_map_app_and_to_directions_on_openstreetmap()
    {
        var fr = await PageAsync("/fr/aidants/halte-repit-bondy");
        fr.Should().Contain("href=\"geo:48.9022,2.4828\"").And.Contain("href=\"https://www.openstreetmap.org/directions?route=%3B48.9022%2C2.4828#map=16/48.9022/2.4828\"");
    }

    [Fact]
    public async Task Hours_that_are_not_opening_hours_get_a_message_on_their_field()
    {
        var result = await _factory.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<IContentManager>();
            var item = await manager.NewAsync("AidantSupport");
            item.Data = JsonNode.Parse("""
                { "TitlePart": { "Title": { "Text": "Café des aidants" } },
                  "AidantSupport": { "Description": { "Markdown": "x" }, "Actor": { "ContentItemIds": [ "repit-fr" ] }, "SupportTypes": { "Terms": [ "groupe-de-parole" ] },
                                     "OpeningHours": { "Text": "lundi 14h-16h" } },
                  "LocalizationPart": { "Culture": { "Text": "fr" } } }
                """)!.AsObject();
            return await manager.ValidateAsync(item);
        });
        result.Errors.Should().ContainSingle(e => e.Key == "AidantSupport.OpeningHours").Which.Message.Should().Contain("lundi 14h-16h").And.Contain("Mo-Fr 09:00-12:00");
    }
}
