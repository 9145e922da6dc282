using Portal.Search.Engine;

namespace Portal.Search.Insights;

/// <summary>
/// A query as counted: its words in lower case without accents, one space apart, at most 100 characters. A query that
/// looks like personal data (an e-mail address, a phone or other number of 6 digits or more) is not counted at all.
/// </summary>
public static class QueryNormalizer
{
    public const int MaxLength = 100;

    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Contains('@')) return null;
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c)) { if (++digits >= 6) return null; }
            else if (c is not (' ' or '.' or '-' or '/')) digits = 0;
        }
        var words = string.Join(' ', TextFolding.Words(TextFolding.Fold(text)));
        if (words.Length == 0) return null;
        return words.Length <= MaxLength ? words : words[..MaxLength].TrimEnd();
    }
}
