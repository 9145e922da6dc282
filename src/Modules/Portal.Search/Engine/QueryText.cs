using System.Text.RegularExpressions;

namespace Portal.Search.Engine;

/// <summary>A typed word: its stems (for the title, labels and text), its unstemmed forms (for typos and prefixes).</summary>
internal sealed record TypedWord(string Raw, List<(string Term, int Position)> Stems, List<string> Folded, bool Typing)
{
    public bool Searchable => Stems.Count > 0 || Typing;
}

/// <summary>
/// What the minimum-should-match counts: one typed word, or consecutive typed words that together are an expression
/// of a synonym group ("fauteuil roulant"), with the group's other expressions.
/// </summary>
internal sealed record QuerySlot(string Text, IReadOnlyList<TypedWord> Words, IReadOnlyList<IReadOnlyList<(string Term, int Position)>> Synonyms);

/// <summary>
/// The visitor's text read without a query parser, so that no character has a meaning of its own except these:
/// "quoted words" must appear together, -word and -"quoted words" must not appear, and every other word is a slot.
/// </summary>
internal sealed partial class QueryText
{
    public const int MaxWords = 24;

    public IReadOnlyList<QuerySlot> Slots { get; private init; } = [];
    /// <summary>True when words that only ask were left out: a question in sentences, whose words the items seldom all use.</summary>
    public bool Question { get; private init; }
    public IReadOnlyList<List<(string Term, int Position)>> Phrases { get; private init; } = [];
    public IReadOnlyList<List<(string Term, int Position)>> Excluded { get; private init; } = [];

    public bool IsEmpty => Slots.Count == 0 && Phrases.Count == 0 && Excluded.Count == 0;

    [GeneratedRegex("(?<minus>-?)\"(?<text>[^\"]*)\"")]
    private static partial Regex Quoted();

    public static QueryText Parse(LuceneSearchIndex index, string? text, bool prefixLastWord, SynonymTable? synonyms)
    {
        if (string.IsNullOrWhiteSpace(text)) return new QueryText();
        var analyzer = index.Analyzer;
        var phrases = new List<List<(string, int)>>();
        var excluded = new List<List<(string, int)>>();
        foreach (Match m in Quoted().Matches(text))
        {
            var stems = analyzer.TermsWithPositions(m.Groups["text"].Value);
            if (stems.Count > 0) (m.Groups["minus"].Length > 0 ? excluded : phrases).Add(stems);
        }
        var rest = Quoted().Replace(text, " ").Replace('"', ' ');
        var raw = rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(MaxWords).ToList();
        var typingLast = prefixLastWord && !char.IsWhiteSpace(text[^1]) && text[^1] != '"';
        var words = new List<TypedWord>();
        for (var i = 0; i < raw.Count; i++)
        {
            var word = raw[i];
            if (word.Length > 1 && word[0] == '-' && char.IsLetterOrDigit(word[1]))
            {
                if (analyzer.TermsWithPositions(word[1..]) is { Count: > 0 } stems) excluded.Add(stems);
                continue;
            }
            var folded = index.Words.Terms(word);
            var typing = typingLast && i == raw.Count - 1 && folded.Count > 0 && folded[^1].Length >= 2;
            words.Add(new TypedWord(word, analyzer.TermsWithPositions(word), folded, typing));
        }
        // "où trouver un accueil de jour", "wo finde ich eine Tagespflege": the words that only ask are left out when others name something.
        bool Asks(TypedWord w) => w.Folded.Count > 0 && w.Folded.All(analyzer.IsQuestionWord);
        var question = words.Any(w => w.Searchable && !Asks(w)) && words.RemoveAll(Asks) > 0;
        return new QueryText { Slots = SlotsOf(words, synonyms ?? SynonymTable.Empty), Phrases = phrases, Excluded = excluded, Question = question };
    }

    /// <summary>Groups the words into slots, the longest synonym expression first, from left to right.</summary>
    private static List<QuerySlot> SlotsOf(List<TypedWord> words, SynonymTable synonyms)
    {
        var slots = new List<QuerySlot>();
        for (var i = 0; i < words.Count;)
        {
            if (!words[i].Searchable)
            {
                i++;
                continue;
            }
            var matched = false;
            if (synonyms.Count > 0 && words[i].Stems.Count > 0)
            {
                for (var end = words.Count - 1; end >= i && !matched; end--)
                {
                    var span = words.GetRange(i, end - i + 1);
                    var stems = span.SelectMany(w => w.Stems.Select(s => s.Term)).ToList();
                    if (words[end].Stems.Count == 0 || stems.Count > synonyms.LongestExpression) continue;
                    var alternatives = synonyms.AlternativesOf(stems);
                    if (alternatives.Count == 0) continue;
                    slots.Add(new QuerySlot(string.Join(' ', span.Select(w => w.Raw)), span.Where(w => w.Searchable).ToList(), alternatives));
                    i = end + 1;
                    matched = true;
                }
            }
            if (matched) continue;
            slots.Add(new QuerySlot(words[i].Raw, [words[i]], []));
            i++;
        }
        return slots;
    }
}
