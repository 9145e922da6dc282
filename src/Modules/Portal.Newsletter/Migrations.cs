using System.Text.Json.Nodes;
using Portal.Core.Content;
using Portal.Core.Content.Parts;
using Portal.Core.DataMigrations;
using Portal.Core.Localization;

namespace Portal.Newsletter;

/// <summary>The Campaign type: a landing page with a hero image, call-to-action blocks and a communication kit from the media library.</summary>
public sealed class Migrations(IContentDefinitionStore store) : DataMigration
{
    public override async Task<int> CreateAsync()
    {
        await store.AlterPartAsync(CampaignTypes.Campaign, p =>
        {
            p.WithField(CampaignTypes.Summary, "Text", "Accroche", "Kurztext", s =>
            {
                s.Required = true; s.MaxLength = 300; s.Editor = "TextArea";
                s.Hint = LegacyLabels.Pair("Une ou deux phrases : la description de la page pour les moteurs de recherche et les partages.", "Ein oder zwei Sätze: die Beschreibung der Seite für Suchmaschinen und beim Teilen.");
            })
            .WithField(CampaignTypes.Hero, "MediaPicker", "Image principale", "Hauptbild", s =>
            {
                s.Required = true;
                s.Extra = new JsonObject { ["Kind"] = "Image" };
                s.Hint = LegacyLabels.Pair("Une image de la médiathèque, avec son texte de remplacement dans la langue de la page.", "Ein Bild aus der Mediathek, mit seinem Alternativtext in der Sprache der Seite.");
            })
            .WithField(CampaignTypes.Message, "Markdown", "Message de la campagne", "Botschaft der Kampagne");
            for (var n = 1; n <= CampaignTypes.Actions; n++)
            {
                var number = n;
                p.WithField(CampaignTypes.Action(n), "Link", $"Appel à l'action {n} (lien)", $"Handlungsaufruf {n} (Link)", s =>
                {
                    s.Required = number == 1;
                    s.Hint = LegacyLabels.Pair("Une recherche enregistrée (/fr/recherche?…), un événement, une ressource : son adresse et le texte du lien.", "Eine gespeicherte Suche (/de/suche?…), eine Veranstaltung, eine Ressource: ihre Adresse und der Linktext.");
                })
                .WithField(CampaignTypes.ActionText(n), "Text", $"Appel à l'action {n} (phrase)", $"Handlungsaufruf {n} (Satz)", s => { s.MaxLength = 200; });
            }
            p.WithField(CampaignTypes.Kit, "MediaPicker", "Kit de communication", "Kommunikationspaket", s =>
            {
                s.Multiple = true;
                s.Hint = LegacyLabels.Pair("Affiches, logos, dépliants de la médiathèque, à télécharger.", "Plakate, Logos, Faltblätter aus der Mediathek, zum Herunterladen.");
            });
        });
        await store.AlterTypeAsync(CampaignTypes.Campaign, t =>
        {
            t.DisplayName = LegacyLabels.Pair("Page de campagne", "Kampagnenseite");
            t.WithPart(BuiltInParts.Title, 0).WithPart(CampaignTypes.Campaign, 1).WithPart(BuiltInParts.Autoroute, 2).WithPart(BuiltInParts.Localization, 3);
        });
        return 1;
    }
}
