using System.Globalization;
using System.Text;

namespace Portal.Resources.Services;

/// <summary>A passage of a document that holds the searched words, and its page.</summary>
public sealed record Passage(int Page, string Text);

/// <summary>Finds where a document says what was searched: the first page that holds every word, cut around the first one.</summary>
public static class Passages
{
    private const int Before = 80, Length = 240;

    public static IReadOnlyList<string> Words(string? query) =>
        (query ?? "").Split([' ', ',', ';', '.', '\'', '’', '"', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(Fold).Where(w => w.Length >= 2).Distinct().ToList();

    public static bool Matches(string text, IReadOnlyList<string> words)
    {
        var folded = Fold(text);
        return words.All(w => folded.Contains(w, StringComparison.Ordinal));
    }

    public static Passage? Find(IReadOnlyList<DocumentPage> pages, IReadOnlyList<string> words)
    {
        if (words.Count == 0) return null;
        foreach (var page in pages)
        {
            // Folding keeps the length of the text (one character for one), so positions match the original.
            var folded = Fold(page.Text);
            if (!words.All(w => folded.Contains(w, StringComparison.Ordinal))) continue;
            var first = words.Select(w => folded.IndexOf(w, StringComparison.Ordinal)).Min();
            var from = Math.Max(0, first - Before);
            if (from > 0 && page.Text.IndexOf(' ', from) is var space and >= 0 && space < first) from = space + 1;
            var to = Math.Min(page.Text.Length, from + Length);
            if (to < page.Text.Length && page.Text.LastIndexOf(' ', to) is var end && end > first) to = end;
            var text = (from > 0 ? "… " : "") + page.Text[from..to].Trim() + (to < page.Text.Length ? " …" : "");
            return new Passage(page.Number, text);
        }
        return null;
    }

    /// <summary>Lower case without accents, one character for one.</summary>
    public static string Fold(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var letter = decomposed.FirstOrDefault(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark);
            result.Append(char.ToLowerInvariant(letter == default ? c : letter));
        }
        return result.ToString();
    }
}
