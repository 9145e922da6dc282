using Microsoft.Extensions.Localization;

namespace Portal.Core.Localization;

/// <summary>
/// The mark of an entry listed in a language it is not written in (its only version is in another): "en français
/// uniquement", "nur auf Französisch". The PO files word it per language ("Only in French", from the catalogue's
/// English name of the language); a language they do not word yet reads "Only in {0}" with the language's own name.
/// </summary>
public static class OtherLanguage
{
    public static string OnlyIn(IStringLocalizer localizer, Cultures cultures, string culture)
    {
        var worded = localizer["Only in " + cultures.EnglishNameOf(culture)];
        return worded.ResourceNotFound ? localizer["Only in {0}", cultures.NameOf(culture)].Value : worded.Value;
    }
}
