using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Search.Engine;

namespace Portal.Benchmarks;

/// <summary>One item of the synthetic directory, as written to corpus.jsonl and given to both engines.</summary>
public sealed class CorpusItem
{
    public required string Id { get; init; }
    public required string Culture { get; init; }
    public required string Type { get; init; }
    public required string Title { get; init; }
    public required string Text { get; init; }
    public required Dictionary<string, List<string>> Facets { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public DateTime Verified { get; init; }

    public SearchDocument ToDocument() => new()
    {
        Id = Id, Type = Type, Title = Title, Text = Text, Url = "/" + Culture + "/x/" + Id,
        Summary = Text.Length > 300 ? Text[..300] : Text, Facets = Facets, Latitude = Lat, Longitude = Lon, LastVerified = Verified,
    };
}

/// <summary>
/// A realistic synthetic directory of N items in French and German: titles and descriptions from the vocabulary of
/// the sector, facet values drawn from the real vocabularies (with their hierarchies), places among the communes of
/// the 93 and the 57 and the regions of the Grande Région, with coordinates around their centroids. Deterministic.
/// </summary>
public static class Corpus
{
    private sealed record Term(string Slug, string Fr, string De, string? Parent, double? Lat, double? Lon);

    private static readonly string[] FrWords =
    [
        "atelier", "accueil", "répit", "piscine", "natation", "handicap", "visuel", "auditif", "moteur", "aidants", "proches", "écoute",
        "groupe", "parole", "sport", "adapté", "gymnastique", "douce", "mémoire", "prévention", "chutes", "numérique", "cuisine", "théâtre",
        "musique", "danse", "randonnée", "équitation", "boccia", "tennis", "fauteuil", "accompagnement", "soutien", "psychologue",
        "formation", "information", "orientation", "halte", "jour", "hébergement", "temporaire", "relayage", "bien-être", "sophrologie",
        "yoga", "café", "rencontre", "seniors", "autonomie", "Alzheimer", "Parkinson", "aquagym", "marche", "nordique", "lecture", "jardin",
    ];
    private static readonly string[] DeWords =
    [
        "Tagespflege", "Kurzzeitpflege", "Beratung", "Pflegeberatung", "Angehörige", "Selbsthilfegruppe", "Gesprächskreis", "Schwimmen",
        "Sehbehinderung", "Hörbehinderung", "Rollstuhl", "Sport", "Gymnastik", "Sturzprävention", "Gedächtnistraining", "Demenz",
        "Hausnotruf", "Haus-Notruf", "Entlastung", "Betreuung", "Nachbarschaftshilfe", "Seniorentreff", "Kochen", "Theater", "Musik", "Tanz",
        "Wandern", "Digital", "Alltagsbegleitung", "Pflegekurs", "Schulung", "Erholung", "Yoga", "Café", "Begegnung", "Senioren",
        "Selbstständigkeit", "Parkinson", "Alzheimer", "Wassergymnastik", "Nordic", "Walking", "Garten", "Vorlesen",
    ];
    private static readonly string[] FrGlue = ["pour", "les", "des", "avec", "et", "en", "de", "la", "un", "une", "à", "chaque", "semaine", "petits", "groupes"];
    private static readonly string[] DeGlue = ["für", "die", "mit", "und", "in", "der", "ein", "eine", "jede", "Woche", "kleinen", "Gruppen", "vor", "Ort"];

    public static readonly string[] FacetNames = ["type", "domain", "disability", "audience", "supportType", "typology", "fees", "mode", "language", "territory", "commune"];

    public static IReadOnlyDictionary<string, string[]> Words => new Dictionary<string, string[]> { ["fr"] = FrWords, ["de"] = DeWords };

    public static List<CorpusItem> Generate(int count, string vocabulariesPath, int seed = 42)
    {
        var vocabularies = LoadVocabularies(vocabulariesPath);
        var random = new Random(seed);
        var territories = vocabularies["territories"];
        var bySlug = territories.ToDictionary(t => t.Slug);
        var parents = territories.Where(t => t.Parent is not null).Select(t => t.Parent!).ToHashSet();
        var communes93 = territories.Where(t => t.Parent == "departement-93" && t.Lat is not null).ToArray();
        var communes57 = territories.Where(t => t.Parent == "departement-57" && t.Lat is not null).ToArray();
        var regions = territories.Where(t => t.Parent is null && !parents.Contains(t.Slug) && t.Lat is not null).ToArray();
        var items = new List<CorpusItem>(count);
        for (var n = 0; n < count; n++)
        {
            var culture = random.NextDouble() < 0.6 ? "fr" : "de";
            var roll = random.NextDouble();
            var type = roll < 0.2 ? "Actor" : roll < 0.75 ? "Action" : "AidantSupport";
            var words = culture == "fr" ? FrWords : DeWords;
            var glue = culture == "fr" ? FrGlue : DeGlue;
            var facets = new Dictionary<string, List<string>>(StringComparer.Ordinal);

            // Where.
            Term place;
            var where = random.NextDouble();
            place = where < 0.45 ? communes57[random.Next(communes57.Length)] : where < 0.7 ? communes93[random.Next(communes93.Length)] : regions[random.Next(regions.Length)];
            var isCommune = place.Parent is not null && !parents.Contains(place.Slug);
            if (isCommune) facets["commune"] = [place.Slug];
            var areas = new List<string>();
            for (var t = isCommune ? place.Parent : place.Slug; t is not null; t = bySlug.GetValueOrDefault(t)?.Parent) areas.Add(t);
            facets["territory"] = areas;
            var spread = isCommune ? 0.02 : 0.35;
            var lat = place.Lat!.Value + (random.NextDouble() - 0.5) * spread;
            var lon = place.Lon!.Value + (random.NextDouble() - 0.5) * spread * 1.5;
            var hasPoint = random.NextDouble() > 0.03;

            // What.
            var labels = new List<string>();
            void Pick(string facet, string vocabulary, int min, int max, bool ancestors = false)
            {
                var terms = vocabularies[vocabulary];
                var k = random.Next(min, max + 1);
                var chosen = new List<string>();
                for (var i = 0; i < k; i++)
                {
                    var term = terms[random.Next(terms.Count)];
                    labels.Add(culture == "de" ? term.De : term.Fr);
                    for (var t = term; t is not null; t = ancestors && t.Parent is not null ? terms.FirstOrDefault(x => x.Slug == t.Parent) : null)
                        if (!chosen.Contains(t.Slug)) chosen.Add(t.Slug);
                }
                if (chosen.Count > 0) facets[facet] = chosen;
            }
            switch (type)
            {
                case "Actor":
                    Pick("typology", "structure-types", 1, 1, ancestors: true);
                    break;
                case "Action":
                    Pick("domain", "domains", 1, 2, ancestors: true);
                    Pick("disability", "disability-types", 0, 3);
                    Pick("audience", "audiences", 1, 2);
                    Pick("fees", "fees", 1, 1);
                    Pick("language", "languages", 1, 2);
                    break;
                default:
                    Pick("supportType", "support-types", 1, 2);
                    Pick("mode", "reception-modes", 1, 1);
                    Pick("fees", "fees", 1, 1);
                    break;
            }
            var placeName = culture == "de" ? place.De : place.Fr;
            var title = $"{Capital(words[random.Next(words.Length)])} {words[random.Next(words.Length)]} – {placeName}";
            var text = new System.Text.StringBuilder();
            var length = random.Next(25, 70);
            for (var i = 0; i < length; i++)
            {
                text.Append(random.NextDouble() < 0.45 ? glue[random.Next(glue.Length)] : words[random.Next(words.Length)]);
                text.Append(i % 12 == 11 ? ". " : " ");
            }
            text.Append(string.Join(". ", labels)).Append(". ").Append(placeName).Append('.');
            items.Add(new CorpusItem
            {
                Id = $"item-{n:D7}", Culture = culture, Type = type, Title = title, Text = text.ToString(), Facets = facets,
                Lat = hasPoint ? Math.Round(lat, 5) : null, Lon = hasPoint ? Math.Round(lon, 5) : null,
                Verified = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(0, 1000)),
            });
        }
        return items;
    }

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static Dictionary<string, List<Term>> LoadVocabularies(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        var result = new Dictionary<string, List<Term>>();
        foreach (var vocabulary in root["steps"]![0]!["Vocabularies"]!.AsArray())
        {
            result[vocabulary!["Name"]!.GetValue<string>()] = vocabulary["Terms"]!.AsArray().Select(t => new Term(
                t!["Slug"]!.GetValue<string>(), t["Fr"]!.GetValue<string>(), t["De"]?.GetValue<string>() ?? t["Fr"]!.GetValue<string>(),
                t["Parent"]?.GetValue<string>(), t["Latitude"]?.GetValue<double>(), t["Longitude"]?.GetValue<double>())).ToList();
        }
        return result;
    }

    public static string ToJson(CorpusItem item) => JsonSerializer.Serialize(new
    {
        id = item.Id, culture = item.Culture, type = item.Type, title = item.Title, text = item.Text,
        facets = item.Facets.Concat([new KeyValuePair<string, List<string>>("type", [item.Type])]).ToDictionary(),
        lat = item.Lat, lon = item.Lon,
    });
}
