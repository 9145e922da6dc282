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

    public string Culture { get; } = culture;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new StandardFilter(Version, source);
        if (Culture == "fr") stream = new ElisionFilter(stream, FrenchAnalyzer.DEFAULT_ARTICLES);
        stream = new LowerCaseFilter(Version, stream);
        if (stem) stream = new StopFilter(Version, stream, Culture == "de" ? GermanAnalyzer.DefaultStopSet : FrenchAnalyzer.DefaultStopSet);
        if (Culture == "de") stream = new GermanNormalizationFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        if (stem) stream = Culture == "de" ? new GermanLightStemFilter(stream) : new FrenchLightStemFilter(stream);
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
