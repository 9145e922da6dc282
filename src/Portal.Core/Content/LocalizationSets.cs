using Portal.Core.Localization;

namespace Portal.Core.Content;

/// <summary>
/// In which languages a version of an entry is listed: its own; every one for an item without a culture; and, when its
/// localization set has no published version in a language, that language too, from the set's version in the first of
/// the catalogue's cultures that it has (so that the entry is listed once, marked as written in another language).
/// </summary>
public static class LocalizationSets
{
    /// <param name="setCultures">The cultures the set's published versions are written in.</param>
    public static bool IsListedIn(string listCulture, string itemCulture, IReadOnlySet<string> setCultures, Cultures cultures)
    {
        if (string.IsNullOrEmpty(itemCulture) || itemCulture == listCulture) return true;
        if (setCultures.Contains(listCulture)) return false;
        return (cultures.Supported.FirstOrDefault(setCultures.Contains) ?? itemCulture) == itemCulture;
    }
}
