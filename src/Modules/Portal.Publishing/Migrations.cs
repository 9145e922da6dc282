using Portal.Core.Content;
using Portal.Core.Content.Parts;
using Portal.Core.DataMigrations;
using Portal.Core.Localization;

namespace Portal.Publishing;

/// <summary>The News type. (Pages are defined by the portal-base recipe, which owns their fields.)</summary>
public sealed class Migrations(IContentDefinitionStore store) : DataMigration
{
    public override async Task<int> CreateAsync()
    {
        await store.AlterPartAsync(PublishingTypes.News, p => p
            .WithField("Summary", "Text", "Chapô", "Vorspann", s =>
            {
                s.Required = true; s.MaxLength = 300; s.Editor = "TextArea";
                s.Hint = LegacyLabels.Pair("Une ou deux phrases, reprises dans la liste des actualités et le flux RSS.", "Ein oder zwei Sätze, übernommen in die Nachrichtenliste und den RSS-Feed.");
            })
            .WithField("PublicationDate", "Date", "Date de publication", "Veröffentlichungsdatum", s =>
            {
                s.Hint = LegacyLabels.Pair("Laissée vide, c'est le jour de l'enregistrement.", "Leer gelassen, gilt der Tag des Speicherns.");
            })
            .WithField("Image", "Link", "Image (adresse)", "Bild (Adresse)", s =>
            {
                s.Hint = LegacyLabels.Pair("Adresse https d'une image, ou chemin d'une image de ce site.", "https-Adresse eines Bildes oder Pfad eines Bildes dieser Website.");
            })
            .WithField("ImageAlt", "Text", "Texte de remplacement de l'image", "Alternativtext des Bildes", s =>
            {
                s.MaxLength = 250;
                s.Hint = LegacyLabels.Pair("Ce que l'image apporte, pour qui ne la voit pas. Obligatoire avec une image ; écrivez « décorative » si elle n'apporte rien.", "Was das Bild vermittelt, für alle, die es nicht sehen. Pflicht mit Bild; schreiben Sie „dekorativ“, wenn es nichts vermittelt.");
            })
            .WithField("Tags", "Text", "Mots-clés", "Schlagwörter", s =>
            {
                s.MaxLength = 200;
                s.Hint = LegacyLabels.Pair("Séparés par des virgules.", "Durch Kommas getrennt.");
            }));
        await store.AlterTypeAsync(PublishingTypes.News, t =>
        {
            t.DisplayName = LegacyLabels.Pair("Actualité", "Nachricht");
            t.WithPart(BuiltInParts.Title, 0).WithPart(PublishingTypes.News, 1).WithPart(BuiltInParts.HtmlBody, 2)
                .WithPart(BuiltInParts.Autoroute, 3).WithPart(BuiltInParts.Localization, 4);
        });
        return 1;
    }

    /// <summary>
    /// Images come from the media library (cleaned, resized, described in each language). The old address field stays so
    /// that the news items that use it keep their image; its hint now points to the library.
    /// </summary>
    public async Task<int> UpdateFrom1Async()
    {
        await store.AlterPartAsync(PublishingTypes.News, p => p
            .WithField(PublishingTypes.Picture, "MediaPicker", "Image", "Bild", s =>
            {
                s.Extra = new System.Text.Json.Nodes.JsonObject { ["Kind"] = "Image" };
                s.Hint = LegacyLabels.Pair("Une image de la médiathèque, décrite dans la langue de cette actualité.", "Ein Bild aus der Mediathek, in der Sprache dieser Nachricht beschrieben.");
            })
            .WithField("Image", "Link", "Ancienne image (adresse)", "Altes Bild (Adresse)", s =>
            {
                s.Hint = LegacyLabels.Pair("Gardée pour les anciennes actualités : choisissez plutôt une image de la médiathèque.", "Für ältere Nachrichten beibehalten: wählen Sie besser ein Bild aus der Mediathek.");
            }));
        return 2;
    }

    /// <summary>
    /// The editor no longer offers the old address field (nor its text): a news image comes from the media library, as the
    /// body's images do. Items that have one keep it in their data, and their page still shows it (see Item-News).
    /// </summary>
    public async Task<int> UpdateFrom2Async()
    {
        await store.AlterPartAsync(PublishingTypes.News, p => p.Fields.RemoveAll(f => f.Name is "Image" or "ImageAlt"));
        return 3;
    }
}
