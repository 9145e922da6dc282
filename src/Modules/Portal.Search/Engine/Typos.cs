using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Portal.Search.Engine;

/// <summary>The words of the index (unstemmed, accents folded) spelt nearly as a typed word: letters changed, added, dropped or swapped.</summary>
internal static class Typos
{
    private const int MaxScanned = 500;

    /// <param name="prefix">How many first letters must be right.</param>
    /// <returns>The closest first (fewest letters changed, then the most frequent), the word itself left out.</returns>
    public static List<(string Word, int Distance, int Frequency)> Near(Terms? terms, string word, int edits, int prefix, int max)
    {
        var found = new List<(string, int, int)>();
        if (terms is null || edits <= 0) return found;
        var fuzzy = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(LuceneSearchIndex.WordsField, word), edits, prefix, true);
        var scanned = 0;
        while (scanned++ < MaxScanned && fuzzy.MoveNext())
        {
            var candidate = fuzzy.Term.Utf8ToString();
            if (candidate == word || candidate.Any(char.IsDigit)) continue;
            found.Add((candidate, Distance(word, candidate), fuzzy.DocFreq));
        }
        return found.OrderBy(f => f.Item2).ThenByDescending(f => f.Item3).ThenBy(f => f.Item1, StringComparer.Ordinal).Take(max).ToList();
    }

    /// <summary>Letters inserted, deleted, replaced or swapped with their neighbour (optimal string alignment).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
