using Portal.Core.DataMigrations;
using Portal.Core.Localization;

namespace Portal.Core.Content.Parts;

/// <summary>Defines the kernel's parts. Types are defined by the modules and recipes that need them.</summary>
public sealed class CoreMigrations(IContentDefinitionStore store) : DataMigration
{
    public override async Task<int> CreateAsync()
    {
        await store.AlterPartAsync(BuiltInParts.Title, p => p
            .Named("Titre", "Titel")
            .WithField("Title", "Text", "Titre", "Titel", s => { s.Required = true; s.MaxLength = 200; }));

        await store.AlterPartAsync(BuiltInParts.Autoroute, p => p
            .Named("Adresse de la page", "Seitenadresse")
            .WithField("Path", "Text", "Adresse de la page (slug)", "Seitenadresse (Slug)", s =>
            {
                s.MaxLength = 200;
                s.Pattern = Slug.Pattern;
                s.PatternMessage = "{0} may contain only lower-case letters without accents, digits, dashes and slashes.";
                s.Hint = LegacyLabels.Pair("Laissée vide, elle est fabriquée à partir du titre.", "Leer gelassen, wird sie aus dem Titel gebildet.");
            }));

        await store.AlterPartAsync(BuiltInParts.HtmlBody, p => p
            .Named("Contenu", "Inhalt")
            .WithField("Body", "Html", "Texte", "Text"));

        await store.AlterPartAsync(BuiltInParts.Address, p => p
            .Named("Adresse postale", "Postanschrift")
            .WithField("Street", "Text", "Rue", "Straße", s => s.MaxLength = 200)
            .WithField("Postcode", "Text", "Code postal", "Postleitzahl", s => { s.MaxLength = 10; s.Pattern = "[A-Za-z]{0,2}-?[0-9]{4,5}"; })
            .WithField("Commune", "Text", "Commune", "Gemeinde", s => s.MaxLength = 120)
            .WithField("InseeCode", "Text", "Code INSEE", "INSEE-Code", s =>
            {
                s.Pattern = "[0-9][0-9AB][0-9]{3}";
                s.PatternMessage = "{0} must be five characters, such as 93066 or 57463.";
            })
            .WithField("Country", "Text", "Pays", "Land", s => s.Options =
            [
                new() { Value = "FR", Label = LegacyLabels.Pair("France", "Frankreich") },
                new() { Value = "DE", Label = LegacyLabels.Pair("Allemagne", "Deutschland") },
                new() { Value = "LU", Label = LegacyLabels.Pair("Luxembourg", "Luxemburg") },
                new() { Value = "BE", Label = LegacyLabels.Pair("Belgique", "Belgien") },
            ]));

        await store.AlterPartAsync(BuiltInParts.Contact, p => p
            .Named("Contact", "Kontakt")
            .WithField("Phone", "Phone", "Téléphone", "Telefon")
            .WithField("Email", "Email", "Courriel", "E-Mail")
            .WithField("Website", "Link", "Site web", "Webseite"));

        await store.AlterPartAsync(BuiltInParts.Localization, p => p
            .Named("Langue", "Sprache")
            .WithField("Culture", "Text", "Langue", "Sprache", s =>
            {
                s.Required = true;
                s.Options = [new() { Value = "fr", Label = LegacyLabels.Pair("Français", "Französisch") }, new() { Value = "de", Label = LegacyLabels.Pair("Allemand", "Deutsch") }];
            }));
        return 1;
    }
}
