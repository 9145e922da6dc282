using System.Globalization;
using System.Text;
using Portal.Core.Content;
using Portal.Core.Localization;
using Portal.Core.Settings;
using Portal.Directory;

namespace Portal.ImportExport.Import;

/// <summary>Which column feeds which field: header → target key ("" or absent: ignored).</summary>
public sealed class ImportMapping
{
    public string Name { get; set; } = "";
    public string ContentType { get; set; } = "";
    public Dictionary<string, string> Columns { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string? TargetOf(string header) =>
        Columns.FirstOrDefault(c => string.Equals(c.Key, header, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } target ? target : null;

    public string? HeaderOf(string target) => Columns.FirstOrDefault(c => c.Value == target).Key;
}

/// <summary>What a column can feed: a field ("Part.Field"), one coordinate of a position, the language, or the actor of an offer.</summary>
public sealed record ImportTarget(string Key, string Part, string Field, string FieldType, LocalizedText Label, ContentPartFieldDefinition? Definition, string[] Aliases)
{
    public const string Culture = "Culture";
    public const string LatitudeSuffix = ".Latitude";
    public const string LongitudeSuffix = ".Longitude";

    public string LabelFor(string culture, Cultures cultures) => Label.For(culture, cultures);
}

/// <summary>The targets of a directory type, from its definition, with the headers that propose each of them.</summary>
public sealed class ImportTargets(IContentDefinitionStore definitions)
{
    // Headers seen in census spreadsheets and in the data·inclusion schema, besides each field's French and German labels.
    private static readonly Dictionary<string, string[]> KnownAliases = new()
    {
        ["TitlePart.Title"] = ["nom", "name", "titre", "title", "intitule", "raison sociale", "nom de la structure", "nom de l action", "bezeichnung", "angebot"],
        ["AddressPart.Street"] = ["adresse", "address", "rue", "voie", "anschrift", "strasse"],
        ["AddressPart.Postcode"] = ["code postal", "code_postal", "cp", "plz", "postleitzahl"],
        ["AddressPart.Commune"] = ["commune", "ville", "gemeinde", "stadt", "ort"],
        ["AddressPart.InseeCode"] = ["code insee", "code_insee", "insee"],
        ["AddressPart.Country"] = ["pays", "land", "country"],
        ["ContactPart.Phone"] = ["telephone", "tel", "telefon", "phone"],
        ["ContactPart.Email"] = ["courriel", "email", "e mail", "mail", "adresse electronique"],
        ["ContactPart.Website"] = ["site web", "site_web", "site internet", "site", "webseite", "internetseite", "website"],
        ["DirectoryEntryPart.ExternalId"] = ["id", "identifiant", "external id", "kennung", "externe id"],
        ["DirectoryEntryPart.LastVerified"] = ["date_maj", "date de mise a jour", "mise a jour", "verifie le", "aktualisiert"],
        ["Actor.Siret"] = ["siret", "n siret", "numero siret"],
        ["Actor.Finess"] = ["finess", "n finess", "numero finess"],
        ["Actor.Typology"] = ["typologie", "type de structure", "type", "einrichtungsart"],
        ["Actor.OpeningHours"] = ["horaires_accueil", "horaires", "oeffnungszeiten"],
        ["Action.OpeningHours"] = ["horaires_accueil", "horaires", "oeffnungszeiten"],
        ["AidantSupport.OpeningHours"] = ["horaires_accueil", "horaires", "oeffnungszeiten"],
        ["Action.RegistrationDetails"] = ["mobilisation_precisions", "modalites d inscription", "comment s inscrire"],
        ["AidantSupport.RegistrationDetails"] = ["mobilisation_precisions", "modalites d inscription", "comment s inscrire"],
        ["Actor.Territory"] = ["territoire", "gebiet"],
        ["Actor.Networks"] = ["reseaux_porteurs", "reseaux", "netzwerke"],
        ["Actor.Description"] = ["presentation_detail", "presentation", "description"],
        ["Action.Description"] = ["presentation_detail", "description"],
        ["AidantSupport.Description"] = ["presentation_detail", "description"],
        ["Action.Actor"] = ["structure_id", "structure", "acteur", "porteur", "organisme", "traeger", "akteur", "anbieter"],
        ["AidantSupport.Actor"] = ["structure_id", "structure", "acteur", "porteur", "organisme", "traeger", "akteur", "anbieter"],
        ["Action.Domains"] = ["thematiques", "domaines", "domaine", "bereiche"],
        ["Action.Audiences"] = ["publics", "public", "zielgruppen"],
        ["Action.Fees"] = ["frais", "tarifs", "tarif", "kosten"],
        ["AidantSupport.Fees"] = ["frais", "tarifs", "tarif", "kosten"],
        ["Action.FeeDetails"] = ["frais_autres", "precisions tarifs"],
        ["AidantSupport.FeeDetails"] = ["frais_autres", "precisions tarifs"],
        ["AidantSupport.SupportTypes"] = ["types", "type de soutien", "type", "unterstuetzungsart"],
        ["AidantSupport.ReceptionModes"] = ["modes_accueil", "mode d accueil", "modes d accueil"],
        ["Action.EligibilityZone"] = ["zone_eligibilite", "zone d eligibilite"],
        ["AidantSupport.EligibilityZone"] = ["zone_eligibilite", "zone d eligibilite"],
        ["Action.DisabilityTypes"] = ["handicaps", "handicap", "types de handicap", "behinderungen"],
        ["Action.Registration"] = ["lien_mobilisation", "inscription", "anmeldung"],
        ["AidantSupport.Registration"] = ["lien_mobilisation", "contact en ligne"],
        [ImportTarget.Culture] = ["langue", "sprache", "language", "culture"],
    };

    private static readonly string[] SkippedParts = ["AutoroutePart", "LocalizationPart"];
    private static readonly string[] SkippedFields = ["DirectoryEntryPart.Sample", "DirectoryEntryPart.LocationApproximate"];

    public async Task<IReadOnlyList<ImportTarget>> ForAsync(string contentType)
    {
        var type = await definitions.GetTypeAsync(contentType) ?? throw new ArgumentException($"The content type '{contentType}' is not defined.");
        var targets = new List<ImportTarget>();
        foreach (var (typePart, part) in await definitions.GetPartsOfAsync(type))
        {
            if (SkippedParts.Contains(typePart.Name)) continue;
            foreach (var field in part.Fields.OrderBy(f => f.Position))
            {
                var key = $"{typePart.Name}.{field.Name}";
                if (SkippedFields.Contains(key)) continue;
                var aliases = KnownAliases.GetValueOrDefault(key, []);
                if (field.FieldType == "GeoPoint")
                {
                    targets.Add(new(key + ImportTarget.LatitudeSuffix, typePart.Name, field.Name, "GeoPoint", LegacyLabels.Pair("Latitude", "Breitengrad"), field, ["latitude", "lat", "breitengrad", "breite"]));
                    targets.Add(new(key + ImportTarget.LongitudeSuffix, typePart.Name, field.Name, "GeoPoint", LegacyLabels.Pair("Longitude", "Längengrad"), field, ["longitude", "lon", "lng", "laengengrad", "laenge"]));
                    continue;
                }
                targets.Add(new(key, typePart.Name, field.Name, field.FieldType, field.DisplayName, field,
                    [.. aliases, Normalize(field.Name), .. field.DisplayName.Texts.Select(Normalize)]));
            }
        }
        targets.Add(new(ImportTarget.Culture, "LocalizationPart", "Culture", "Culture", LegacyLabels.Pair("Langue (fr ou de)", "Sprache (fr oder de)"), null, KnownAliases[ImportTarget.Culture]));
        return targets;
    }

    /// <summary>Proposes a target for each header from its name: the field's labels, its name, or a known alias.</summary>
    public static ImportMapping Propose(string contentType, IReadOnlyList<string> headers, IReadOnlyList<ImportTarget> targets)
    {
        var mapping = new ImportMapping { ContentType = contentType };
        var used = new HashSet<string>();
        foreach (var header in headers.Where(h => h.Length > 0))
        {
            var normalized = Normalize(header);
            var target = targets.FirstOrDefault(t => !used.Contains(t.Key) && t.Label.Texts.Any(l => Normalize(l) == normalized))
                ?? targets.FirstOrDefault(t => !used.Contains(t.Key) && t.Aliases.Any(a => Normalize(a) == normalized));
            mapping.Columns[header] = target?.Key ?? "";
            if (target is not null) used.Add(target.Key);
        }
        return mapping;
    }

    /// <summary>Lower case, without accents, every run of other characters one space: "Code_postal" = "code postal".</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Replace("ß", "ss").Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (space && result.Length > 0) result.Append(' ');
                result.Append(c);
                space = false;
            }
            else space = true;
        }
        return result.ToString();
    }
}

/// <summary>Named mappings, kept in the document store so that the back office and the command line share them.</summary>
public sealed class ImportMappingStore(IDocumentStore documents)
{
    private const string Key = "ImportMappings";

    public sealed class Document
    {
        public List<ImportMapping> Mappings { get; set; } = [];
    }

    public async Task<IReadOnlyList<ImportMapping>> ListAsync(string? contentType = null) =>
        (await documents.GetAsync<Document>(Key)).Mappings.Where(m => contentType is null || m.ContentType == contentType).OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList();

    public async Task<ImportMapping?> GetAsync(string name) =>
        (await documents.GetAsync<Document>(Key)).Mappings.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    public async Task SaveAsync(ImportMapping mapping)
    {
        var document = await documents.GetAsync<Document>(Key);
        document.Mappings.RemoveAll(m => string.Equals(m.Name, mapping.Name, StringComparison.OrdinalIgnoreCase));
        document.Mappings.Add(mapping);
        await documents.SaveAsync(Key, document);
    }
}
