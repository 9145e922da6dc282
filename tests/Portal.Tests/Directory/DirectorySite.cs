using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Directory;

/// <summary>A site with a small directory: an actor in French and German, an action, an aidant support, and a draft.</summary>
public sealed class DirectorySite : IDisposable
{
    public PortalFactory Factory { get; } = new();

    public const string Recipe = """
        { "name": "directory-test", "steps": [ { "name": "Content", "data": [
          { "ContentItemId": "actor-fr", "ContentType": "Actor", "LocalizationSet": "actor-1",
            "TitlePart": { "Title": { "Text": "Handisport Saint-Denis" } },
            "Actor": { "Description": { "Markdown": "Club **omnisport** pour les personnes en situation de handicap." },
                       "Typology": { "Terms": [ "club-sportif" ] }, "Territory": { "Terms": [ "93066-saint-denis" ] },
                       "Location": { "Latitude": 48.9362, "Longitude": 2.3574 }, "Siret": { "Text": "73282932000074" },
                       "OpeningHours": { "Text": "Mo-Fr 09:00-18:00" }, "Accessibility": { "Terms": [ "entree-plain-pied", "sanitaires-adaptes" ] } },
            "AddressPart": { "Street": { "Text": "2 rue Jean Jaurès" }, "Postcode": { "Text": "93200" }, "Commune": { "Text": "Saint-Denis" }, "InseeCode": { "Text": "93066" } },
            "ContactPart": { "Phone": { "Text": "" }, "Email": { "Email": "contact@handisport-sd.example.org" } },
            "DirectoryEntryPart": { "LastVerified": { "Value": "2026-10-01" }, "Sample": { "Value": true } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "actor-de", "ContentType": "Actor", "LocalizationSet": "actor-1",
            "TitlePart": { "Title": { "Text": "Behindertensport Saint-Denis" } },
            "Actor": { "Description": { "Markdown": "Mehrspartenverein für Menschen mit Behinderung." },
                       "Typology": { "Terms": [ "club-sportif" ] }, "Territory": { "Terms": [ "93066-saint-denis" ] } },
            "LocalizationPart": { "Culture": { "Text": "de" } } },
          { "ContentItemId": "action-1", "ContentType": "Action",
            "TitlePart": { "Title": { "Text": "Cécifoot le samedi" } },
            "Action": { "Description": { "Markdown": "Football pour personnes aveugles et malvoyantes." }, "Actor": { "ContentItemIds": [ "actor-fr" ] },
                        "Domains": { "Terms": [ "sport-adapte" ] }, "DisabilityTypes": { "Terms": [ "visuel" ] }, "Fees": { "Terms": [ "gratuit" ] },
                        "Schedule": { "Text": "Le samedi de 10 h à 12 h" }, "Recurrence": { "Text": "hebdomadaire" }, "OnSite": { "Value": true } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "support-1", "ContentType": "AidantSupport",
            "TitlePart": { "Title": { "Text": "Groupe de parole des aidants" } },
            "AidantSupport": { "Description": { "Markdown": "Un mardi par mois, entre aidants." }, "Actor": { "ContentItemIds": [ "actor-fr" ] },
                               "SupportTypes": { "Terms": [ "groupe-de-parole" ] }, "CaredFor": { "Terms": [ "adulte-handicape" ] }, "Fees": { "Terms": [ "gratuit" ] } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "action-draft", "ContentType": "Action", "Published": false,
            "TitlePart": { "Title": { "Text": "Atelier en préparation" } },
            "Action": { "Description": { "Markdown": "Bientôt." }, "Actor": { "ContentItemIds": [ "actor-fr" ] }, "Domains": { "Terms": [ "culture" ] } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } }
        ] } ] }
        """;

    public DirectorySite()
    {
        var path = Path.Combine(Factory.DataDirectory, "directory-test.recipe.json");
        File.WriteAllText(path, Recipe);
        Factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(path)).GetAwaiter().GetResult();
    }

    public void Dispose() => Factory.Dispose();
}
