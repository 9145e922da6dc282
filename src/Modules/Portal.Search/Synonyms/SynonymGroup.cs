namespace Portal.Search.Synonyms;

/// <summary>
/// Expressions that mean the same for a search ("fauteuil roulant", "handicap moteur", "PMR"): typing one finds the
/// items that use any other. A group belongs to one culture, or to every culture (<see cref="EveryCulture"/>) for
/// words that cross languages ("accueil de jour", "Tagespflege").
/// </summary>
public sealed class SynonymGroup
{
    public const string EveryCulture = "*";

    /// <summary>Stable identifier, used in the back office's addresses.</summary>
    public string Id { get; set; } = "";
    public string Culture { get; set; } = "";
    public List<string> Terms { get; set; } = [];

    public bool AppliesTo(string culture) => Culture == EveryCulture || string.Equals(Culture, culture, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Every group, as one document of the document store.</summary>
public sealed class SynonymDocument
{
    public List<SynonymGroup> Groups { get; set; } = [];
}
