using System.Globalization;
using System.Text;

namespace Portal.Core.Content.Parts;

public static class Slug
{
    public const string Pattern = "[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*";

    /// <summary>"Répit à domicile — Metz" → "repit-a-domicile-metz"; "Straße" → "strasse".</summary>
    public static string From(string text, int maxLength = 80)
    {
        var folded = text.Replace("ß", "ss").Replace("Œ", "Oe").Replace("œ", "oe").Replace("Æ", "Ae").Replace("æ", "ae")
            .Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(folded.Length);
        var dash = false;
        foreach (var c in folded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else if (!dash && builder.Length > 0)
            {
                builder.Append('-');
                dash = true;
            }
        }
        var slug = builder.ToString().Trim('-');
        if (slug.Length > maxLength) slug = slug[..maxLength].TrimEnd('-');
        return slug;
    }
}
