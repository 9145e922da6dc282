using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Benchmarks.Relevance;

/// <summary>
/// A judged query set for one seed recipe (relevance/{recipe}.json): each query lists every item a person typing it
/// wants among the first ten results; kind "none" means nothing exists for it and no result is the right answer.
/// </summary>
public sealed class RelevanceSet
{
    public const string Nothing = "none";

    [JsonPropertyName("recipe")] public string Recipe { get; init; } = "";
    [JsonPropertyName("queries")] public List<JudgedQuery> Queries { get; init; } = [];

    public static RelevanceSet Load(string path)
    {
        using var stream = File.OpenRead(path);
        var set = JsonSerializer.Deserialize<RelevanceSet>(stream) ?? throw new InvalidDataException($"{path} holds no query set.");
        if (set.Recipe.Length == 0 || set.Queries.Count == 0) throw new InvalidDataException($"{path} names no recipe or holds no query.");
        var wrong = set.Queries.FirstOrDefault(q => q.Text.Length == 0 || q.Culture.Length == 0 || (q.Kind == Nothing) != (q.Expected.Count == 0));
        if (wrong is not null) throw new InvalidDataException($"{path}: the query \"{wrong.Text}\" needs a text, a culture, and expected items unless its kind is \"{Nothing}\".");
        return set;
    }

    /// <summary>The sets shipped beside the program, in the folder <c>relevance</c>.</summary>
    public static IReadOnlyList<RelevanceSet> LoadAll(string directory) =>
        System.IO.Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(Load).ToList();
}

public sealed class JudgedQuery
{
    [JsonPropertyName("culture")] public string Culture { get; init; } = "";
    /// <summary>typed, typo, synonym, place, other-language, question or none.</summary>
    [JsonPropertyName("kind")] public string Kind { get; init; } = "";
    [JsonPropertyName("q")] public string Text { get; init; } = "";
    /// <summary>The content item ids a person wants in the first ten results.</summary>
    [JsonPropertyName("expect")] public List<string> Expected { get; init; } = [];
    /// <summary>Why these items: the judgment, in a few words.</summary>
    [JsonPropertyName("why")] public string Why { get; init; } = "";
}
