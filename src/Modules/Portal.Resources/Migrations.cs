using System.Text.Json.Nodes;
using Portal.Core.Content;
using Portal.Core.Content.Parts;
using Portal.Core.DataMigrations;
using Portal.Core.Localization;

namespace Portal.Resources;

/// <summary>The Resource type: what it is, its summary, its document (from the media library) or its link, and how it is classed.</summary>
public sealed class Migrations(IContentDefinitionStore store) : DataMigration
{
    public override async Task<int> CreateAsync()
    {
        await store.AlterPartAsync(ResourceTypes.Resource, p => p
            .WithField("Kind", "Text", "Nature", "Art", s =>
            {
                s.Required = true;
                s.Options =
                [
                    new() { Value = "guide", Label = LegacyLabels.Pair("Guide", "Leitfaden") },
                    new() { Value = "study", Label = LegacyLabels.Pair("Étude", "Studie") },
                    new() { Value = "state-of-the-art", Label = LegacyLabels.Pair("État de l'art", "Bestandsaufnahme") },
                    new() { Value = "fact-sheet", Label = LegacyLabels.Pair("Fiche pratique", "Merkblatt") },
                    new() { Value = "workshop-report", Label = LegacyLabels.Pair("Compte rendu d'atelier", "Workshop-Bericht") },
                    new() { Value = "toolkit", Label = LegacyLabels.Pair("Boîte à outils", "Werkzeugkasten") },
                    new() { Value = "video", Label = LegacyLabels.Pair("Vidéo", "Video") },
                ];
            })
            .WithField("Summary", "Text", "Résumé", "Zusammenfassung", s =>
            {
                s.Required = true; s.MaxLength = 600; s.Editor = "TextArea";
                s.Hint = LegacyLabels.Pair("Ce que la ressource apporte, en deux ou trois phrases.", "Was die Ressource bietet, in zwei oder drei Sätzen.");
            })
            .WithField("File", "MediaPicker", "Document", "Dokument", s =>
            {
                s.Extra = new JsonObject { ["Kind"] = "Document" };
                s.Hint = LegacyLabels.Pair("Le document dans la langue de cette fiche, depuis la médiathèque ; le texte d'un PDF est cherché par la recherche du site.", "Das Dokument in der Sprache dieses Eintrags, aus der Mediathek; der Text einer PDF-Datei wird von der Suche erfasst.");
            })
            .WithField("Link", "Link", "Lien", "Link", s =>
            {
                s.Hint = LegacyLabels.Pair("Une adresse https, à la place d'un document ou en plus (une vidéo par exemple).", "Eine https-Adresse, statt eines Dokuments oder zusätzlich (zum Beispiel ein Video).");
            })
            .WithField("Themes", "TaxonomyTerms", "Thèmes", "Themen", s => { s.Multiple = true; s.Extra = new JsonObject { ["Vocabulary"] = "domains" }; })
            .WithField("Audiences", "TaxonomyTerms", "Publics", "Zielgruppen", s => { s.Multiple = true; s.Extra = new JsonObject { ["Vocabulary"] = "audiences" }; })
            .WithField("Side", "Text", "Pays ou versant", "Land oder Seite", s =>
            {
                s.Options =
                [
                    new() { Value = "france", Label = LegacyLabels.Pair("France", "Frankreich") },
                    new() { Value = "luxembourg", Label = LegacyLabels.Pair("Luxembourg", "Luxemburg") },
                    new() { Value = "wallonia", Label = LegacyLabels.Pair("Belgique – Wallonie", "Belgien – Wallonien") },
                    new() { Value = "saarland", Label = LegacyLabels.Pair("Sarre", "Saarland") },
                    new() { Value = "rhineland-palatinate", Label = LegacyLabels.Pair("Rhénanie-Palatinat", "Rheinland-Pfalz") },
                    new() { Value = "cross-border", Label = LegacyLabels.Pair("Transfrontalier", "Grenzüberschreitend") },
                ];
            })
            .WithField("Year", "Numeric", "Année", "Jahr", s => { s.Minimum = 1950; s.Maximum = 2100; s.Scale = 0; })
            .WithField("Author", "ContentPicker", "Organisation autrice", "Herausgebende Organisation", s => s.ContentTypes = ["Actor"])
            .WithField("Licence", "Text", "Licence", "Lizenz", s =>
            {
                s.MaxLength = 200;
                s.Hint = LegacyLabels.Pair("Par exemple : CC BY 4.0, Licence ouverte 2.0, tous droits réservés.", "Zum Beispiel: CC BY 4.0, Licence ouverte 2.0, alle Rechte vorbehalten.");
            }));
        await store.AlterTypeAsync(ResourceTypes.Resource, t =>
        {
            t.DisplayName = LegacyLabels.Pair("Ressource", "Ressource");
            t.WithPart(BuiltInParts.Title, 0).WithPart(ResourceTypes.Resource, 1).WithPart(BuiltInParts.Autoroute, 2).WithPart(BuiltInParts.Localization, 3);
        });
        return 1;
    }

    /// <summary>A resource links the resources that go with it (a guide's fact sheets, a study's summary…).</summary>
    public async Task<int> UpdateFrom1Async()
    {
        await store.AlterPartAsync(ResourceTypes.Resource, p => p.WithField("Related", "ContentPicker", "Ressources liées", "Verwandte Ressourcen", s =>
        {
            s.Multiple = true;
            s.ContentTypes = [ResourceTypes.Resource];
            s.Hint = LegacyLabels.Pair("D'autres ressources à lire avec celle-ci, dans la même langue.", "Weitere Ressourcen, die dazu passen, in derselben Sprache.");
        }));
        return 2;
    }
}
