using System.Text.Json.Nodes;
using Portal.Core.Content;
using Portal.Core.Content.Parts;
using Portal.Core.DataMigrations;
using Portal.Directory;
using Portal.Events.Fields;
using F = Portal.Events.EventTypes.Fields;
using Portal.Core.Localization;

namespace Portal.Events;

/// <summary>The Event type: what, when (one or several sessions), where (a place or online), who organises, for whom, and registration.</summary>
public sealed class Migrations(IContentDefinitionStore store) : DataMigration
{
    private static Action<FieldSettings> Terms(string vocabulary) => s =>
    {
        s.Extra = new JsonObject { ["Vocabulary"] = vocabulary };
        s.Multiple = true;
    };

    public override async Task<int> CreateAsync()
    {
        await store.AlterPartAsync(EventTypes.Part, p => p
            .Named("Événement", "Veranstaltung")
            .WithField(F.Summary, "Text", "En bref", "Kurz gesagt", s =>
            {
                s.Required = true; s.MaxLength = 300; s.Editor = "TextArea";
                s.Hint = LegacyLabels.Pair("Une ou deux phrases, reprises dans l'agenda.", "Ein oder zwei Sätze, übernommen in den Veranstaltungskalender.");
            })
            .WithField(F.Description, "Markdown", "Description", "Beschreibung", s => { s.Required = true; s.MaxLength = 6000; })
            .WithField(F.Sessions, EventSessionsFieldType.TypeName, "Séances", "Termine", s =>
            {
                s.Required = true;
                s.Hint = LegacyLabels.Pair("Début et fin de chaque séance, à l'heure de Paris.", "Beginn und Ende jedes Termins, Pariser Zeit.");
            })
            .WithField(F.Status, "Text", "État", "Stand", s =>
            {
                s.Required = true; s.MaxLength = 20;
                s.Options =
                [
                    new() { Value = EventStatuses.Scheduled, Label = LegacyLabels.Pair("Programmé", "Geplant") },
                    new() { Value = EventStatuses.Full, Label = LegacyLabels.Pair("Complet", "Ausgebucht") },
                    new() { Value = EventStatuses.Cancelled, Label = LegacyLabels.Pair("Annulé", "Abgesagt") },
                    new() { Value = EventStatuses.Postponed, Label = LegacyLabels.Pair("Reporté", "Verschoben") },
                ];
            })
            .WithField(F.Organiser, "ContentPicker", "Organisé par", "Veranstaltet von", s => { s.Required = true; s.ContentTypes = [DirectoryTypes.Actor]; })
            .WithField(F.Online, "Boolean", "En ligne", "Online", s =>
            {
                s.Hint = LegacyLabels.Pair("Cochée, l'événement a lieu à distance : le lien n'est donné qu'aux inscrits confirmés.", "Angekreuzt findet die Veranstaltung online statt: Der Link geht nur an bestätigte Angemeldete.");
            })
            .WithField(F.OnlineLink, "Link", "Lien de connexion", "Zugangslink", s =>
            {
                s.Extra = new JsonObject { ["Private"] = true };
                s.Hint = LegacyLabels.Pair("Jamais publié : envoyé aux seuls inscrits confirmés.", "Nie veröffentlicht: nur an bestätigte Angemeldete gesendet.");
            })
            .WithField(F.Location, "GeoPoint", "Position sur la carte", "Position auf der Karte")
            .WithField(F.Domains, "TaxonomyTerms", "Thèmes", "Themen", Terms("domains"))
            .WithField(F.Audiences, "TaxonomyTerms", "Publics", "Zielgruppen", Terms("audiences"))
            .WithField(F.Accessibility, "TaxonomyTerms", "Accessibilité", "Barrierefreiheit", Terms("accessibility"))
            .WithField(F.Languages, "TaxonomyTerms", "Langues parlées", "Gesprochene Sprachen", Terms("languages"))
            .WithField(F.Price, "Numeric", "Prix (euros)", "Preis (Euro)", s =>
            {
                s.Minimum = 0; s.Scale = 2;
                s.Hint = LegacyLabels.Pair("0 pour une entrée libre.", "0 bei freiem Eintritt.");
            })
            .WithField(F.PriceDetails, "Text", "Précisions sur le prix", "Einzelheiten zum Preis", s => s.MaxLength = 300)
            .WithField(F.Capacity, "Numeric", "Places", "Plätze", s =>
            {
                s.Minimum = 0; s.Scale = 0;
                s.Hint = LegacyLabels.Pair("Nombre de places par séance ; vide : sans inscription.", "Plätze pro Termin; leer: ohne Anmeldung.");
            })
            .WithField(F.RegistrationOpens, "DateTime", "Ouverture des inscriptions", "Anmeldung ab")
            .WithField(F.RegistrationCloses, "DateTime", "Clôture des inscriptions", "Anmeldung bis")
            .WithField(F.Report, "Markdown", "Compte rendu", "Bericht", s =>
            {
                s.MaxLength = 6000;
                s.Hint = LegacyLabels.Pair("Après l'événement : ce qui s'est passé, avec les liens vers les documents.", "Nach der Veranstaltung: was geschah, mit Links zu den Unterlagen.");
            })
            .WithField(F.Sample, "Boolean", "Donnée d'exemple", "Beispieldaten", s =>
            {
                s.Hint = LegacyLabels.Pair("Cochée sur les événements de démonstration, qui n'auront pas lieu.", "Angekreuzt bei Demonstrationsveranstaltungen, die nicht stattfinden.");
            }));

        await store.AlterTypeAsync(EventTypes.Event, t =>
        {
            t.DisplayName = LegacyLabels.Pair("Événement", "Veranstaltung");
            t.WithPart(BuiltInParts.Title, 0).WithPart(EventTypes.Part, 1).WithPart(BuiltInParts.Address, 2)
                .WithPart(BuiltInParts.Autoroute, 3).WithPart(BuiltInParts.Localization, 4);
        });
        return 1;
    }

    /// <summary>An image from the media library (with its alternative text in each language).</summary>
    public async Task<int> UpdateFrom1Async()
    {
        await store.AlterPartAsync(EventTypes.Part, p => p.WithField(F.Picture, "MediaPicker", "Image", "Bild", s =>
        {
            s.Extra = new JsonObject { ["Kind"] = "Image" };
            s.Hint = LegacyLabels.Pair("Une image de la médiathèque, décrite dans la langue de cette fiche.", "Ein Bild aus der Mediathek, in der Sprache dieses Eintrags beschrieben.");
        }));
        return 2;
    }
}
