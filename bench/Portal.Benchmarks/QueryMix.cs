using System.Text.Json;
using Portal.Search.Engine;

namespace Portal.Benchmarks;

/// <summary>One query of the mix, as written to queries.jsonl and run by both engines.</summary>
public sealed class BenchQuery
{
    public required string Kind { get; init; }
    public required string Culture { get; init; }
    public string? Q { get; init; }
    public Dictionary<string, List<string>> Filters { get; init; } = [];
    public List<string> Types { get; init; } = [];
    public BoundingBox? Box { get; init; }
    public GeoCircle? Near { get; init; }

    public SearchQuery ToSearchQuery()
    {
        var query = new SearchQuery
        {
            Text = Q, Box = Box, Near = Near, Sort = Near is null ? SearchSort.Relevance : SearchSort.Distance, PageSize = 20,
            Facets = Corpus.FacetNames,
        };
        foreach (var (facet, values) in Filters) query.Filters[facet] = values.ToHashSet();
        if (Types.Count > 0) query.Filters["type"] = Types.ToHashSet();
        return query;
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        kind = Kind, culture = Culture, q = Q, filters = Filters, type = Types,
        bbox = Box is { } b ? new[] { b.MinLon, b.MinLat, b.MaxLon, b.MaxLat } : null,
        near = Near is { } n ? new[] { n.Latitude, n.Longitude, n.RadiusKm } : null,
    });
}

/// <summary>
/// The mix: single words, two words, a phrase, facet filters, words with filters, a map area, near a point within a
/// radius, and the empty query with every facet counted — in both languages, drawn from the corpus so that they match.
/// </summary>
public static class QueryMix
{
    public static readonly string[] Kinds = ["word", "two-words", "phrase", "facets", "word+facets", "bbox", "near", "all-facets"];

    public static List<BenchQuery> Generate(IReadOnlyList<CorpusItem> corpus, int count, int seed = 7)
    {
        var random = new Random(seed);
        var queries = new List<BenchQuery>(count);
        string Word(string culture) => Corpus.Words[culture][random.Next(Corpus.Words[culture].Length)];
        CorpusItem Item(string culture)
        {
            while (true)
            {
                var item = corpus[random.Next(corpus.Count)];
                if (item.Culture == culture) return item;
            }
        }
        Dictionary<string, List<string>> Filters(string culture, int facets)
        {
            var item = Item(culture);
            var names = item.Facets.Keys.Where(k => k != "commune").OrderBy(_ => random.Next()).Take(facets);
            return names.ToDictionary(n => n, n => new List<string> { item.Facets[n][random.Next(item.Facets[n].Count)] });
        }
        for (var i = 0; i < count; i++)
        {
            var culture = i % 5 < 3 ? "fr" : "de";
            var kind = Kinds[i % Kinds.Length];
            queries.Add(kind switch
            {
                "word" => new BenchQuery { Kind = kind, Culture = culture, Q = Word(culture).ToLowerInvariant() },
                "two-words" => new BenchQuery { Kind = kind, Culture = culture, Q = Word(culture) + " " + Word(culture) },
                "phrase" => new BenchQuery { Kind = kind, Culture = culture, Q = "\"" + string.Join(' ', Item(culture).Title.Split(' ').Take(2)) + "\"" },
                "facets" => new BenchQuery { Kind = kind, Culture = culture, Filters = Filters(culture, 1 + random.Next(2)) },
                "word+facets" => new BenchQuery { Kind = kind, Culture = culture, Q = Word(culture), Filters = Filters(culture, 1), Types = random.Next(2) == 0 ? ["Action"] : [] },
                "bbox" => Box(culture),
                "near" => Near(culture),
                _ => new BenchQuery { Kind = kind, Culture = culture },
            });
        }
        return queries;

        BenchQuery Box(string culture)
        {
            var item = Item(culture);
            while (item.Lat is null) item = Item(culture);
            var size = 0.05 + random.NextDouble() * 0.3;
            return new BenchQuery
            {
                Kind = "bbox", Culture = culture, Q = random.Next(3) == 0 ? Word(culture) : null,
                Box = new BoundingBox(item.Lon!.Value - size, item.Lat!.Value - size / 1.5, item.Lon.Value + size, item.Lat.Value + size / 1.5),
            };
        }

        BenchQuery Near(string culture)
        {
            var item = Item(culture);
            while (item.Lat is null) item = Item(culture);
            return new BenchQuery { Kind = "near", Culture = culture, Near = new GeoCircle(item.Lat!.Value, item.Lon!.Value, 5 + random.Next(20)) };
        }
    }
}
