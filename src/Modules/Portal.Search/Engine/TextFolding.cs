using System.Globalization;
using System.Text;

namespace Portal.Search.Engine;

/// <summary>Lower case without accents, as the index's analyzers fold: "Répit" → "repit", "Straße" → "strasse".</summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark: continue;
                default:
                    if (c == 'ß') builder.Append("ss");
                    else if (c == 'œ') builder.Append("oe");
                    else if (c == 'æ') builder.Append("ae");
                    else builder.Append(c);
                    break;
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The words of a text (letters and digits), as written.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}
