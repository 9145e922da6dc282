using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Portal.Search.Engine;

/// <summary>
/// The analysis of one culture: standard tokens, French articles elided (l'accueil → accueil), lower case, stop words,
/// accents folded (répit = repit, Größe = grosse), then a light stemmer (ateliers = atelier, Angeboten = Angebot).
/// Without stemming, the same chain gives the "words" used for prefixes, fuzzy matching and suggestions.
/// </summary>
public sealed class PortalAnalyzer(string culture, bool stem) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// What each language adds to the chain, as data: elided articles, stop words, a normalization before the accents
    /// are folded, a light stemmer. A culture not listed gets the generic chain (tokens, lower case, folded accents).
    /// </summary>
    /// <param name="QuestionWords">
    /// Words that ask rather than name what is looked for ("où trouver…", "wo finde ich…"), folded: left out of a
    /// query that has other words (see <see cref="IsQuestionWord"/>), never out of the index.
    /// </param>
    private sealed record Language(CharArraySet? Articles, CharArraySet? StopWords, Func<TokenStream, TokenStream>? Normalize, Func<TokenStream, TokenStream>? Stem,
        IReadOnlySet<string>? QuestionWords = null);

    private static readonly Language Generic = new(null, null, null, null);

    private static readonly Dictionary<string, Language> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fr"] = new(FrenchAnalyzer.DEFAULT_ARTICLES, FrenchAnalyzer.DefaultStopSet, null, s => new FrenchLightStemFilter(s), Folded(
            "où", "comment", "quand", "pourquoi", "combien", "quel", "quels", "quelle", "quelles", "lequel", "laquelle", "est-ce", "qu'est-ce",
            "trouver", "trouve", "trouverai", "cherche", "cherchons", "chercher", "recherche", "existe", "existe-t-il", "existent", "y a-t-il",
            "peut", "peut-on", "puis", "puis-je", "pouvez", "voudrais", "voudrait", "souhaite", "souhaiterais", "aimerais", "besoin", "faut",
            "faire", "fait", "svp", "merci", "bonjour", "atteint", "atteinte", "atteints", "atteintes", "souffrant", "souffre", "près", "autour")),
        ["de"] = new(null, GermanAnalyzer.DefaultStopSet, s => new GermanNormalizationFilter(s), s => new GermanLightStemFilter(s), Folded(
            "wo", "wie", "wann", "warum", "wieviel", "wieviele", "welche", "welcher", "welches", "welchen", "gibt", "gibt's", "finde", "finden",
            "findet", "suche", "suchen", "sucht", "brauche", "brauchen", "benötige", "möchte", "möchten", "würde", "kann", "könnte", "man",
            "bitte", "danke", "hallo", "leidet", "leidend", "erkrankt", "nähe", "umgebung")),
    };

    private static HashSet<string> Folded(params string[] words) =>
        words.SelectMany(TextFolding.Words).Select(TextFolding.Fold).ToHashSet(StringComparer.Ordinal);

    public string Culture { get; } = culture;

    private readonly Language _language = Languages.GetValueOrDefault(culture) ?? Generic;

    /// <summary>A folded word that only asks (où, comment, trouver; wo, finde): left out of a query that names something else.</summary>
    public bool IsQuestionWord(string folded) => _language.QuestionWords?.Contains(folded) == true;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new StandardFilter(Version, source);
        if (_language.Articles is { } articles) stream = new ElisionFilter(stream, articles);
        stream = new LowerCaseFilter(Version, stream);
        if (stem && _language.StopWords is { } stopWords) stream = new StopFilter(Version, stream, stopWords);
        if (_language.Normalize is { } normalize) stream = normalize(stream);
        stream = new ASCIIFoldingFilter(stream);
        if (stem && _language.Stem is { } stemmer) stream = stemmer(stream);
        return new TokenStreamComponents(source, stream);
    }

    /// <summary>The terms the analyzer makes of a text.</summary>
    public List<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream("text", text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    /// <summary>The terms with their positions (stop words leave gaps), for phrases.</summary>
    public List<(string Term, int Position)> TermsWithPositions(string text)
    {
        var terms = new List<(string, int)>();
        using var stream = GetTokenStream("text", text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add((term.ToString(), position));
        }
        stream.End();
        return terms;
    }

    /// <summary>The terms with their character offsets in the text, to mark matches in a snippet.</summary>
    public List<(string Term, int Start, int End)> TermsWithOffsets(string text)
    {
        var terms = new List<(string, int, int)>();
        using var stream = GetTokenStream("text", text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var offset = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        stream.End();
        return terms;
    }
}
