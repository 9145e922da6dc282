using System.Text.Json.Nodes;
using Portal.Core.Content;
using Portal.Core.Content.Parts;
using Portal.Core.Data;
using Portal.Core.DataMigrations;
using Portal.Core.Localization;
using Portal.Directory.Services;

namespace Portal.Directory;

/// <summary>
/// Actor, Action and AidantSupport. Field names follow the data·inclusion v1 schema where one exists
/// (structure: siret, typologie, horaires_accueil, reseaux_porteurs; service: thematiques, publics, frais, modes_accueil,
/// zone_eligibilite), so that the open-data export is a mapping.
/// </summary>
public sealed class Migrations(IContentDefinitionStore store, PortalDbContext db, IContentManager contents) : DataMigration
{
    private static Action<FieldSettings> Terms(string vocabulary, bool multiple = true, bool required = false) => s =>
    {
        s.Extra = new JsonObject { ["Vocabulary"] = vocabulary };
        s.Multiple = multiple;
        s.Required = required;
    };

    public override async Task<int> CreateAsync()
    {
        await store.AlterPartAsync(DirectoryTypes.EntryPart, p => p
            .Named("Vérification", "Überprüfung")
            .WithField("LastVerified", "Date", "Dernière vérification", "Zuletzt überprüft", s =>
            {
                s.Hint = LegacyLabels.Pair("Date à laquelle ces informations ont été confirmées par l'organisation ou le département.", "Datum, an dem diese Angaben von der Organisation oder dem Département bestätigt wurden.");
            })
            .WithField("VerifiedBy", "Text", "Vérifié par", "Überprüft von", s => s.MaxLength = 120)
            .WithField("Sample", "Boolean", "Donnée d'exemple", "Beispieldaten", s =>
            {
                s.Hint = LegacyLabels.Pair("Cochée sur les fiches de démonstration, qui ne décrivent pas une offre réelle.", "Angekreuzt bei Demonstrationseinträgen, die kein echtes Angebot beschreiben.");
            })
            .WithField("ExternalId", "Text", "Identifiant externe", "Externe Kennung", s => s.MaxLength = 100));

        await store.AlterPartAsync(DirectoryTypes.Actor, p => p
            .WithField("Description", "Markdown", "Présentation", "Beschreibung", s => { s.Required = true; s.MaxLength = 4000; })
            .WithField("Typology", "TaxonomyTerms", "Type de structure", "Art der Einrichtung", Terms("structure-types", multiple: false, required: true))
            .WithField("Location", "GeoPoint", "Position sur la carte", "Position auf der Karte")
            .WithField("Territory", "TaxonomyTerms", "Commune ou territoire", "Gemeinde oder Gebiet", Terms("territories", multiple: false, required: true))
            .WithField("OpeningHours", "Text", "Horaires d'accueil", "Öffnungszeiten", s =>
            {
                s.MaxLength = 255;
                s.Hint = LegacyLabels.Pair("Au format OpenStreetMap, par exemple : Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00", "Im OpenStreetMap-Format, zum Beispiel: Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00");
            })
            .WithField("Siret", "Text", "SIRET", "SIRET", s => s.Hint = "14 chiffres.")
            .WithField("Finess", "Text", "Numéro FINESS", "FINESS-Nummer", s => s.Hint = "9 caractères, pour les établissements médico-sociaux.")
            .WithField("Accessibility", "TaxonomyTerms", "Accessibilité", "Barrierefreiheit", Terms("accessibility"))
            .WithField("Networks", "Text", "Réseaux et fédérations", "Netzwerke und Verbände", s => s.MaxLength = 300));

        await store.AlterPartAsync(DirectoryTypes.Action, p => p
            .WithField("Description", "Markdown", "Description", "Beschreibung", s => { s.Required = true; s.MaxLength = 4000; })
            .WithField("Actor", "ContentPicker", "Proposée par", "Angeboten von", s => { s.Required = true; s.ContentTypes = [DirectoryTypes.Actor]; })
            .WithField("Domains", "TaxonomyTerms", "Domaines", "Bereiche", Terms("domains", required: true))
            .WithField("DisabilityTypes", "TaxonomyTerms", "Handicaps accueillis", "Willkommene Behinderungen", Terms("disability-types"))
            .WithField("Audiences", "TaxonomyTerms", "Publics", "Zielgruppen", Terms("audiences"))
            .WithField("Location", "GeoPoint", "Position sur la carte", "Position auf der Karte", s =>
            {
                s.Hint = LegacyLabels.Pair("Laissée vide, c'est celle de la structure.", "Leer gelassen, gilt die Position der Einrichtung.");
            })
            .WithField("Schedule", "Text", "Quand", "Wann", s => { s.Editor = "TextArea"; s.MaxLength = 500; })
            .WithField("StartDate", "Date", "Du", "Vom")
            .WithField("EndDate", "Date", "Au", "Bis")
            .WithField("Recurrence", "Text", "Rythme", "Häufigkeit", s => s.Options =
            [
                new() { Value = "ponctuel", Label = LegacyLabels.Pair("Ponctuel", "Einmalig") },
                new() { Value = "hebdomadaire", Label = LegacyLabels.Pair("Chaque semaine", "Wöchentlich") },
                new() { Value = "mensuel", Label = LegacyLabels.Pair("Chaque mois", "Monatlich") },
                new() { Value = "permanent", Label = LegacyLabels.Pair("Toute l'année", "Ganzjährig") },
            ])
            .WithField("Fees", "TaxonomyTerms", "Tarifs", "Kosten", Terms("fees"))
            .WithField("FeeDetails", "Text", "Précisions sur les tarifs", "Einzelheiten zu den Kosten", s => s.MaxLength = 300)
            .WithField("OnSite", "Boolean", "Inscription sur place", "Anmeldung vor Ort")
            .WithField("Registration", "Link", "Inscription en ligne", "Online-Anmeldung")
            .WithField("Languages", "TaxonomyTerms", "Langues pratiquées", "Sprachen", Terms("languages"))
            .WithField("Accessibility", "TaxonomyTerms", "Accessibilité", "Barrierefreiheit", Terms("accessibility"))
            .WithField("EligibilityZone", "TaxonomyTerms", "Zone d'éligibilité", "Einzugsgebiet", Terms("territories")));

        await store.AlterPartAsync(DirectoryTypes.AidantSupport, p => p
            .WithField("Description", "Markdown", "Description", "Beschreibung", s => { s.Required = true; s.MaxLength = 4000; })
            .WithField("Actor", "ContentPicker", "Proposé par", "Angeboten von", s => { s.Required = true; s.ContentTypes = [DirectoryTypes.Actor]; })
            .WithField("SupportTypes", "TaxonomyTerms", "Type de soutien", "Art der Unterstützung", Terms("support-types", required: true))
            .WithField("CaredFor", "TaxonomyTerms", "Personne aidée", "Gepflegte Person", Terms("cared-for"))
            .WithField("Location", "GeoPoint", "Position sur la carte", "Position auf der Karte", s =>
            {
                s.Hint = LegacyLabels.Pair("Laissée vide, c'est celle de la structure.", "Leer gelassen, gilt die Position der Einrichtung.");
            })
            .WithField("ReceptionModes", "TaxonomyTerms", "Modes d'accueil", "Art der Betreuung", Terms("reception-modes"))
            .WithField("Fees", "TaxonomyTerms", "Tarifs", "Kosten", Terms("fees"))
            .WithField("FeeDetails", "Text", "Précisions sur les tarifs", "Einzelheiten zu den Kosten", s => s.MaxLength = 300)
            .WithField("Registration", "Link", "Prendre contact en ligne", "Online-Kontakt")
            .WithField("EligibilityZone", "TaxonomyTerms", "Zone d'éligibilité", "Einzugsgebiet", Terms("territories")));

        await DefineTypeAsync(DirectoryTypes.Actor, "Acteur", "Akteur", BuiltInParts.Address, BuiltInParts.Contact);
        await DefineTypeAsync(DirectoryTypes.Action, "Action", "Angebot", BuiltInParts.Address, BuiltInParts.Contact);
        await DefineTypeAsync(DirectoryTypes.AidantSupport, "Soutien aux aidants", "Unterstützung für Angehörige", BuiltInParts.Address, BuiltInParts.Contact);
        return 1;
    }

    /// <summary>Version 2: a flag on entries placed at their commune's centre for want of coordinates (imports).</summary>
    public async Task<int> UpdateFrom1Async()
    {
        await store.AlterPartAsync(DirectoryTypes.EntryPart, p => p
            .WithField("LocationApproximate", "Boolean", "Position approximative (centre de la commune)", "Ungefähre Position (Gemeindemitte)", s =>
            {
                s.Hint = LegacyLabels.Pair("Cochée quand la fiche a été placée au centre de sa commune faute de coordonnées : à préciser.", "Angekreuzt, wenn der Eintrag mangels Koordinaten in die Gemeindemitte gesetzt wurde: bitte genauer angeben.");
            }));
        return 2;
    }

    /// <summary>
    /// Version 3: "verified by" holds only who checked as the public may know it (the organisation or the editorial
    /// team), never an account: a choice of two markers, and the values stored before are replaced in every version.
    /// </summary>
    public async Task<int> UpdateFrom2Async()
    {
        await store.AlterPartAsync(DirectoryTypes.EntryPart, p => p
            .WithField(Verification.ByField, "Text", "Vérifié par", "Überprüft von", s =>
            {
                s.MaxLength = 20;
                s.Options =
                [
                    new() { Value = Verification.Partner, Label = LegacyLabels.Pair("La structure", "Der Anbieter") },
                    new() { Value = Verification.Editorial, Label = LegacyLabels.Pair("L'équipe éditoriale", "Die Redaktion") },
                ];
            }));
        await VerifiedByMarkers.RewriteAsync(db);
        return 3;
    }

    /// <summary>
    /// Version 4: offers say when they are open (OpenStreetMap syntax, as data·inclusion's horaires_accueil) and how to
    /// join them ("sur inscription" or not, and the procedure in words), beside their contact part.
    /// </summary>
    public async Task<int> UpdateFrom3Async()
    {
        foreach (var type in new[] { DirectoryTypes.Action, DirectoryTypes.AidantSupport })
            await store.AlterPartAsync(type, p => p
                .WithField("OpeningHours", "Text", "Horaires d'accueil", "Öffnungszeiten", s =>
                {
                    s.MaxLength = 255;
                    s.Hint = LegacyLabels.Pair("Au format OpenStreetMap, par exemple : Mo,We,Fr 14:00-18:00; PH off. Laissés vides, ce sont ceux de la structure.",
                        "Im OpenStreetMap-Format, zum Beispiel: Mo,We,Fr 14:00-18:00; PH off. Leer gelassen, gelten die der Einrichtung.");
                })
                .WithField("RegistrationMode", "Text", "Inscription", "Anmeldung", s => s.Options =
                [
                    new() { Value = "sur-inscription", Label = LegacyLabels.Pair("Sur inscription", "Nach Anmeldung") },
                    new() { Value = "sans-inscription", Label = LegacyLabels.Pair("Sans inscription", "Ohne Anmeldung") },
                ])
                .WithField("RegistrationDetails", "Text", "Comment s'inscrire", "So melden Sie sich an", s =>
                {
                    s.Editor = "TextArea";
                    s.MaxLength = 500;
                    s.Hint = LegacyLabels.Pair("Par exemple : appeler le secrétariat le matin, ou venir à la première séance.", "Zum Beispiel: vormittags im Sekretariat anrufen oder zur ersten Stunde kommen.");
                }));
        return 4;
    }

    /// <summary>
    /// Version 5: what does not depend on the language is marked culture-neutral, so that the French and German versions
    /// of an entry share it (saving one copies it to the others): the contact part, the street, postcode, INSEE code and
    /// country of the address (not the commune, whose name has exonyms: Trèves, Trier), the point, hours, terms, dates,
    /// links and choices. Texts, and the organisation an offer points at (its version in the same language), are not.
    /// Sets that diverged are aligned on their most recently modified version.
    /// </summary>
    public async Task<int> UpdateFrom4Async()
    {
        await store.AlterPartAsync(BuiltInParts.Address, p => p.WithCultureNeutralFields("Street", "Postcode", "InseeCode", "Country"));
        await store.AlterPartAsync(DirectoryTypes.Actor, p => p.WithCultureNeutralFields("Typology", "Location", "Territory", "OpeningHours", "Siret", "Finess", "Accessibility"));
        await store.AlterPartAsync(DirectoryTypes.Action, p => p.WithCultureNeutralFields("Domains", "DisabilityTypes", "Audiences", "Location", "StartDate", "EndDate",
            "Recurrence", "Fees", "OnSite", "Registration", "Languages", "Accessibility", "EligibilityZone", "OpeningHours", "RegistrationMode"));
        await store.AlterPartAsync(DirectoryTypes.AidantSupport, p => p.WithCultureNeutralFields("SupportTypes", "CaredFor", "Location", "ReceptionModes", "Fees",
            "Registration", "EligibilityZone", "OpeningHours", "RegistrationMode"));
        foreach (var type in DirectoryTypes.All)
            await store.AlterTypeAsync(type, t => t.WithCultureNeutralPart(BuiltInParts.Contact));
        await CultureNeutralAlignment.AlignAsync(db, contents, DirectoryTypes.All);
        return 5;
    }

    private Task DefineTypeAsync(string name, string fr, string de, params string[] extraParts) => store.AlterTypeAsync(name, t =>
    {
        t.DisplayName = LegacyLabels.Pair(fr, de);
        t.WithPart(BuiltInParts.Title, 0).WithPart(name, 1);
        var position = 2;
        foreach (var part in extraParts) t.WithPart(part, position++);
        t.WithPart(DirectoryTypes.EntryPart, position++).WithPart(BuiltInParts.Autoroute, position++).WithPart(BuiltInParts.Localization, position);
    });
}
