using Portal.Search.Engine;

namespace Portal.Search.Suggestions;

/// <summary>
/// Whether a label completes what was typed: every typed word (without accents or case) begins a word of the label,
/// each a different one, so "halte rep" completes "Halte-répit Alzheimer" but not "halte république" typed as pairs.
/// </summary>
public static class WordPrefixMatch
{
    public static IReadOnlyList<string> Typed(string typed) => TextFolding.Words(typed).Select(TextFolding.Fold).Where(w => w.Length > 0).ToList();

    public static bool Completes(IReadOnlyList<string> typedWords, string label)
    {
        if (typedWords.Count == 0) return false;
        var words = TextFolding.Words(label).Select(TextFolding.Fold).ToList();
        var used = new bool[words.Count];
        // Longest first, so that a short word does not take the label word a longer one needs.
        foreach (var typed in typedWords.OrderByDescending(w => w.Length))
        {
            var found = false;
            for (var i = 0; i < words.Count && !found; i++)
                if (!used[i] && words[i].StartsWith(typed, StringComparison.Ordinal)) used[i] = found = true;
            if (!found) return false;
        }
        return true;
    }

    /// <summary>Higher when the label starts with the first typed word: "Metz" before "Ars-sur-Moselle (Metz)".</summary>
    public static int Rank(IReadOnlyList<string> typedWords, string label) =>
        typedWords.Count > 0 && TextFolding.Fold(label).StartsWith(typedWords[0], StringComparison.Ordinal) ? 1 : 0;
}
