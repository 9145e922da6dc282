using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Portal.Search.Engine;

/// <summary>
/// "Did you mean": each typed word the index does not know (neither as written, nor by its stem, nor through a
/// synonym) replaced by the closest word it does know (fewest letters changed, then the most frequent).
/// </summary>
internal static class Corrections
{
    private const int MinLength = 4;

    public static string? Of(IndexReader reader, QueryText text, string? typed)
    {
        if (typed is null || text.Slots.Count == 0) return null;
        var terms = MultiFields.GetTerms(reader, LuceneSearchIndex.WordsField);
        if (terms is null) return null;
        var replaced = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var slot in text.Slots.Where(s => s.Synonyms.Count == 0))
            foreach (var word in slot.Words)
            {
                if (word.Folded is not [var folded] || folded.Length < MinLength || folded.Any(char.IsDigit)) continue;
                if (reader.DocFreq(new Term(LuceneSearchIndex.WordsField, folded)) > 0 || word.Stems.Any(s => Known(reader, s.Term))) continue;
                if (word.Typing && HasPrefix(terms, folded)) continue;
                if (Closest(terms, folded) is { } best) replaced[word.Raw] = best;
            }
        if (replaced.Count == 0) return null;
        var corrected = typed;
        foreach (var (raw, best) in replaced)
            corrected = Regex.Replace(corrected, @"(?<=^|\s)" + Regex.Escape(raw) + @"(?=\s|$)", best.Replace("$", "$$", StringComparison.Ordinal));
        return corrected == typed ? null : corrected.Trim();
    }

    private static bool Known(IndexReader reader, string stem) =>
        reader.DocFreq(new Term(LuceneSearchIndex.TextField, stem)) > 0 || reader.DocFreq(new Term(LuceneSearchIndex.TitleField, stem)) > 0
        || reader.DocFreq(new Term(LuceneSearchIndex.LabelsField, stem)) > 0;

    private static bool HasPrefix(Terms terms, string prefix)
    {
        var e = terms.GetEnumerator();
        return e.SeekCeil(new BytesRef(prefix)) != TermsEnum.SeekStatus.END && e.Term.Utf8ToString().StartsWith(prefix, StringComparison.Ordinal);
    }

    private static string? Closest(Terms terms, string word) =>
        Typos.Near(terms, word, word.Length >= 6 ? 2 : 1, 0, 5).Where(t => t.Word.Length >= 3).Select(t => t.Word).FirstOrDefault();
}
