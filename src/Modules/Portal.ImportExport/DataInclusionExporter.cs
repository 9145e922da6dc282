using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Core.Content.Parts;
using Portal.Core.Data;
using Portal.Directory;
using Portal.Taxonomies.Fields;
using Portal.Taxonomies.Models;
using Portal.Taxonomies.Services;

namespace Portal.ImportExport;

/// <summary>
/// Maps the published directory onto the data·inclusion v1 schema: Actors become structures, Actions and
/// AidantSupports services. Taxonomy terms go through their "data-inclusion" codes, kept only when the schema's
/// enumerations hold them; identifiers are "{source}--{localization set}", so they survive re-publication.
/// </summary>
public sealed partial class DataInclusionExporter(Portal.Core.Localization.Cultures cultures, PortalDbContext db, VocabularyStore vocabularies)
{
    private static readonly Lazy<Dictionary<string, HashSet<string>>> Enums = new(LoadEnums);

    [GeneratedRegex(@"^\d{5}$")] private static partial Regex FiveDigits();
    [GeneratedRegex(@"^\d{14}$")] private static partial Regex Siret();

    public sealed record Export(JsonArray Structures, JsonArray Services);

    /// <param name="source">The producer's identifier, e.g. "cd57-senior-activ".</param>
    /// <param name="siteUrl">Scheme and host, for the links back to each entry.</param>
    public async Task<Export> ExportAsync(string source, string siteUrl, string culture = "fr")
    {
        var items = await db.ContentItems.AsNoTracking()
            .Where(i => i.Published && DirectoryTypes.All.Contains(i.ContentType) && (i.Culture == culture || i.Culture == ""))
            .OrderBy(i => i.Id).ToListAsync();
        var territories = await vocabularies.GetAsync("territories");
        var names = new[] { "domains", "audiences", "support-types", "fees", "reception-modes" };
        var vocab = new Dictionary<string, Vocabulary?>();
        foreach (var name in names) vocab[name] = await vocabularies.GetAsync(name);

        string IdOf(ContentItem item) => $"{source}--{item.LocalizationSet ?? item.ContentItemId}";
        var actorIds = items.Where(i => i.ContentType == DirectoryTypes.Actor).ToDictionary(i => i.ContentItemId, IdOf);
        // An offer may point at the actor in another language: the set links them.
        var actorsBySet = items.Where(i => i.ContentType == DirectoryTypes.Actor).GroupBy(i => i.LocalizationSet ?? i.ContentItemId).ToDictionary(g => g.Key, g => IdOf(g.First()));
        var allActorSets = await db.ContentItems.AsNoTracking().Where(i => i.Published && i.ContentType == DirectoryTypes.Actor)
            .Select(i => new { i.ContentItemId, i.LocalizationSet }).ToListAsync();

        var structures = new JsonArray();
        var services = new JsonArray();
        foreach (var item in items)
        {
            var own = item.Part(item.ContentType) ?? new JsonObject();
            var record = new JsonObject
            {
                ["source"] = source,
                ["id"] = IdOf(item),
                ["nom"] = Name(item.DisplayText),
                ["date_maj"] = DateOf(item),
                ["lien_source"] = $"{siteUrl}/{(item.Culture == "" ? culture : item.Culture)}/{item.Path}",
            };
            var description = MarkdownText(own["Description"]);
            AddressAndContact(record, item, own, territories);
            if (item.ContentType == DirectoryTypes.Actor)
            {
                if (description is { Length: >= 5 }) record["description"] = description.Length > 10_000 ? description[..10_000] : description;
                if (OsmHours(own) is { } structureHours) record["horaires_accueil"] = structureHours;
                if (Text(own["Siret"]) is { } siret && Siret().IsMatch(siret)) record["siret"] = siret;
                structures.Add(record);
                continue;
            }

            var actorId = ContentPickerFieldType.Ids(own["Actor"]).FirstOrDefault();
            var structureId = actorId is null ? null
                : actorIds.GetValueOrDefault(actorId)
                  ?? allActorSets.Where(a => a.ContentItemId == actorId).Select(a => actorsBySet.GetValueOrDefault(a.LocalizationSet ?? a.ContentItemId)).FirstOrDefault();
            if (structureId is null) continue; // a service needs its structure in the same export
            record["structure_id"] = structureId;
            record["description"] = description is { Length: > 0 } ? description : item.DisplayText;
            var thematiques = Codes(own["Domains"], vocab["domains"], "data-inclusion", "Thematique")
                .Concat(Codes(own["SupportTypes"], vocab["support-types"], "data-inclusion-thematique", "Thematique")).Distinct().ToList();
            if (thematiques.Count > 0) record["thematiques"] = Array(thematiques);
            if (Codes(own["SupportTypes"], vocab["support-types"], "data-inclusion", "TypeService").FirstOrDefault() is { } type) record["type"] = type;
            var publics = Codes(own["Audiences"], vocab["audiences"], "data-inclusion", "Public").ToList();
            if (publics.Count > 0) record["publics"] = Array(publics);
            if (Codes(own["Fees"], vocab["fees"], "data-inclusion", "Frais").FirstOrDefault() is { } frais) record["frais"] = frais;
            if (Text(own["FeeDetails"]) is { } details) record["frais_precisions"] = details;
            var modes = Codes(own["ReceptionModes"], vocab["reception-modes"], "data-inclusion", "ModeAccueil").ToList();
            if (modes.Count > 0) record["modes_accueil"] = Array(modes);
            // The schema wants OpenStreetMap syntax: the free-text "when" of an action is not that.
            if (OsmHours(own) is { } hours) record["horaires_accueil"] = hours;
            if (own["Registration"]?["Url"]?.GetValue<string>() is { } link && Uri.IsWellFormedUriString(link, UriKind.Absolute)) record["lien_mobilisation"] = link;
            var mobilisation = new List<string>();
            if (record["telephone"] is not null) mobilisation.Add("telephoner");
            if (record["courriel"] is not null) mobilisation.Add("envoyer-un-courriel");
            if (own["OnSite"]?["Value"]?.GetValue<bool>() == true) mobilisation.Add("se-presenter");
            if (record["lien_mobilisation"] is not null) mobilisation.Add("utiliser-lien-mobilisation");
            mobilisation = mobilisation.Where(m => Enums.Value.GetValueOrDefault("ModeMobilisation")?.Contains(m) == true).ToList();
            if (mobilisation.Count > 0) record["modes_mobilisation"] = Array(mobilisation);
            if (Text(own["RegistrationDetails"]) is { } procedure) record["mobilisation_precisions"] = procedure;
            var zone = TaxonomyTermsFieldType.Terms(own["EligibilityZone"]).Select(s => territories?.Find(s))
                .Select(t => t is not null && t.Codes.TryGetValue("insee", out var code) ? code : null).OfType<string>()
                .Where(c => c.Length is 5 or 2 or 3).Distinct().ToList();
            if (zone.Count > 0) record["zone_eligibilite"] = Array(zone);
            services.Add(record);
        }
        return new Export(structures, services);
    }

    private void AddressAndContact(JsonObject record, ContentItem item, JsonObject own, Vocabulary? territories)
    {
        var address = item.As<AddressPart>();
        if (address.Street.Text is { } street) record["adresse"] = street;
        if (address.Postcode.Text is { } postcode && FiveDigits().IsMatch(postcode)) record["code_postal"] = postcode;
        if (address.InseeCode.Text is { } insee && insee.Length == 5) record["code_insee"] = insee;
        if (address.Commune.Text is { } commune) record["commune"] = commune;
        else if (TaxonomyTermsFieldType.Terms(own["Territory"]).Select(s => territories?.Find(s)).FirstOrDefault() is { } term)
        {
            record["commune"] = term.DefaultLabel(cultures);
            if (term.Codes.TryGetValue("insee", out var code) && code.Length == 5) record["code_insee"] = code;
        }
        if (GeoPointFieldType.Read(own["Location"]) is { } point)
        {
            record["latitude"] = point.Latitude;
            record["longitude"] = point.Longitude;
        }
        var contact = item.As<ContactPart>();
        if (contact.Phone.Phone is { } phone) record["telephone"] = phone;
        if (contact.Email.Email is { } email && EmailFieldType.IsValid(email)) record["courriel"] = email;
        if (contact.Website.Url is { } web && Uri.IsWellFormedUriString(web, UriKind.Absolute)) record["site_web"] = web;
    }

    private static IEnumerable<string> Codes(JsonNode? field, Vocabulary? vocabulary, string code, string schemaEnum)
    {
        if (vocabulary is null) yield break;
        var allowed = Enums.Value.GetValueOrDefault(schemaEnum) ?? [];
        foreach (var slug in TaxonomyTermsFieldType.Terms(field))
            if (vocabulary.Find(slug) is { } term && term.Codes.TryGetValue(code, out var value) && allowed.Contains(value))
                yield return value;
    }

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());

    /// <summary>The entry's opening hours when they are OpenStreetMap opening_hours (a string that cannot be is left out).</summary>
    private static string? OsmHours(JsonObject own) =>
        Text(own["OpeningHours"]) is { } hours && Directory.OpeningHours.OpeningHoursParser.TryParse(hours, out _) != Directory.OpeningHours.OpeningHoursParser.Outcome.Invalid ? hours.Trim() : null;

    private static string? Text(JsonNode? field) => field?["Text"]?.GetValue<string>() is { Length: > 0 } t ? t : null;

    private static string? MarkdownText(JsonNode? field) =>
        field?["Markdown"]?.GetValue<string>() is { Length: > 0 } md ? Markdig.Markdown.ToPlainText(md).Trim() : null;

    /// <summary>3 to 150 characters, not ending with a full stop, as the schema asks.</summary>
    private static string Name(string title)
    {
        var name = title.Trim().TrimEnd('.');
        if (name.Length > 150) name = name[..150].TrimEnd().TrimEnd('.');
        return name.Length >= 3 ? name : name.PadRight(3, '_');
    }

    private static string DateOf(ContentItem item) =>
        DateTime.TryParse(item.Field(DirectoryTypes.EntryPart, "LastVerified")?["Value"]?.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var verified)
            ? verified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : (item.PublishedUtc ?? item.ModifiedUtc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, HashSet<string>> LoadEnums()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("DataInclusion.service.json")!;
        var schema = JsonNode.Parse(stream)!;
        return schema["$defs"]!.AsObject()
            .Where(d => d.Value?["enum"] is JsonArray)
            .ToDictionary(d => d.Key, d => d.Value!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToHashSet());
    }
}
