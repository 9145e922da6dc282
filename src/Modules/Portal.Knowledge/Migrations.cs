using System.Text.Json.Nodes;
using Portal.Core.Content;
using Portal.Core.Content.Parts;
using Portal.Core.DataMigrations;
using Portal.Core.Localization;

namespace Portal.Knowledge;

/// <summary>GoodPractice (an inspiring project and what it takes to replicate it) and GuideSide (one side of the border in the cross-border guide).</summary>
public sealed class Migrations(IContentDefinitionStore store) : DataMigration
{
    private static Action<FieldSettings> Terms(string vocabulary, bool multiple = true) => s =>
    {
        s.Extra = new JsonObject { ["Vocabulary"] = vocabulary };
        s.Multiple = multiple;
    };

    private static Action<FieldSettings> Long(int max, bool required = false, string? hintFr = null, string? hintDe = null) => s =>
    {
        s.Required = required; s.MaxLength = max;
        if (hintFr is not null) s.Hint = LegacyLabels.Pair(hintFr, hintDe);
    };

    public override async Task<int> CreateAsync()
    {
        await store.AlterPartAsync(KnowledgeTypes.GoodPractice, p => p
            .Named("Projet inspirant", "Gute Praxis")
            .WithField("Summary", "Text", "En bref", "Kurz gefasst", s => { s.Required = true; s.MaxLength = 400; s.Editor = "TextArea"; })
            .WithField("Holder", "ContentPicker", "Porteur du projet", "Projektträger", s =>
            {
                s.Required = true; s.ContentTypes = ["Actor"];
                s.Hint = LegacyLabels.Pair("Les demandes « Reproduire ce projet » sont transmises à l'adresse de contact de cette organisation, après modération.",
                    "Anfragen „Dieses Projekt übernehmen“ gehen nach Moderation an die Kontaktadresse dieser Organisation.");
            })
            .WithField("Territory", "TaxonomyTerms", "Territoire", "Gebiet", Terms("territories", multiple: false))
            .WithField("Themes", "TaxonomyTerms", "Thèmes", "Themen", Terms("domains"))
            .WithField("Audiences", "TaxonomyTerms", "Public", "Zielgruppe", Terms("audiences"))
            .WithField("Problem", "Markdown", "Problème traité", "Ausgangsproblem", Long(3000, required: true))
            .WithField("WhatWasDone", "Markdown", "Ce qui a été fait", "Was umgesetzt wurde", Long(4000, required: true))
            .WithField("Partners", "Markdown", "Partenaires", "Partner", Long(2000))
            .WithField("Funding", "TaxonomyTerms", "Financements", "Finanzierung", Terms(KnowledgeTypes.FundingVocabulary))
            .WithField("Budget", "Text", "Budget", "Budget", s => s.Options =
            [
                new() { Value = "under-5k", Label = LegacyLabels.Pair("Moins de 5 000 €", "Unter 5.000 €") },
                new() { Value = "5k-20k", Label = LegacyLabels.Pair("De 5 000 à 20 000 €", "5.000 bis 20.000 €") },
                new() { Value = "20k-50k", Label = LegacyLabels.Pair("De 20 000 à 50 000 €", "20.000 bis 50.000 €") },
                new() { Value = "50k-150k", Label = LegacyLabels.Pair("De 50 000 à 150 000 €", "50.000 bis 150.000 €") },
                new() { Value = "over-150k", Label = LegacyLabels.Pair("Plus de 150 000 €", "Über 150.000 €") },
            ])
            .WithField("Results", "Markdown", "Résultats et évaluation", "Ergebnisse und Evaluation", Long(3000))
            .WithField("ReplicationStaff", "Text", "Pour le reproduire : équipe", "Zum Übernehmen: Personal", Long(300))
            .WithField("ReplicationCost", "Text", "Pour le reproduire : coût", "Zum Übernehmen: Kosten", Long(300))
            .WithField("ReplicationPartners", "Text", "Pour le reproduire : partenaires", "Zum Übernehmen: Partner", Long(300))
            .WithField("ReplicationTime", "Text", "Pour le reproduire : délai", "Zum Übernehmen: Zeitbedarf", Long(300))
            .WithField("Documents", "MediaPicker", "Documents", "Dokumente", s => { s.Multiple = true; s.Extra = new JsonObject { ["Kind"] = "Document" }; })
            .WithField("Contact", "Text", "Contact (fonction)", "Kontakt (Funktion)", Long(200, hintFr: "Une fonction, pas une adresse : les demandes passent par le formulaire du site.",
                hintDe: "Eine Funktion, keine Adresse: Anfragen laufen über das Formular der Website."))
            .WithField("Sample", "Boolean", "Donnée d'exemple", "Beispieldaten"));
        await store.AlterTypeAsync(KnowledgeTypes.GoodPractice, t =>
        {
            t.DisplayName = LegacyLabels.Pair("Projet inspirant", "Gute Praxis");
            t.WithPart(BuiltInParts.Title, 0).WithPart(KnowledgeTypes.GoodPractice, 1).WithPart(BuiltInParts.Autoroute, 2).WithPart(BuiltInParts.Localization, 3);
        });

        await store.AlterPartAsync(KnowledgeTypes.GuideSide, p => p
            .Named("Guide transfrontalier", "Grenzüberschreitender Leitfaden")
            .WithField("Side", "Text", "Versant", "Seite", s =>
            {
                s.Required = true;
                s.Options = [.. GuideSides.All.Select(side => new FieldOption { Value = side.Key, Label = LegacyLabels.Pair(side.French, side.German) })];
            })
            .WithField("Introduction", "Markdown", "Introduction", "Einleitung", Long(2000, required: true))
            .WithField("FirstContact", "Markdown", "À qui s'adresser d'abord", "Erste Anlaufstelle", Long(4000, required: true))
            .WithField("HomeHelp", "Markdown", "Aide à domicile", "Hilfe zu Hause", Long(4000, required: true))
            .WithField("Allowances", "Markdown", "Allocations", "Geldleistungen", Long(4000, required: true))
            .WithField("Respite", "Markdown", "Répit", "Entlastung", Long(4000, required: true))
            .WithField("CareHomes", "Markdown", "Établissements", "Pflegeeinrichtungen", Long(4000, required: true))
            .WithField("CaregiverRights", "Markdown", "Droits des aidants", "Rechte pflegender Angehöriger", Long(4000, required: true))
            .WithField("Glossary", "TaxonomyTerms", "Notions du glossaire", "Begriffe des Glossars", Terms(KnowledgeTypes.GlossaryVocabulary))
            .WithField("Sample", "Boolean", "Donnée d'exemple", "Beispieldaten"));
        await store.AlterTypeAsync(KnowledgeTypes.GuideSide, t =>
        {
            t.DisplayName = LegacyLabels.Pair("Guide transfrontalier : un versant", "Grenzüberschreitender Leitfaden: eine Seite");
            t.WithPart(BuiltInParts.Title, 0).WithPart(KnowledgeTypes.GuideSide, 1).WithPart(BuiltInParts.Autoroute, 2).WithPart(BuiltInParts.Localization, 3);
        });
        return 1;
    }
}
