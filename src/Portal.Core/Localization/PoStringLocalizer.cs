using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Portal.Core.Localization;

/// <summary>Looks strings up in the PO catalog for the current UI culture; an untranslated string shows its msgid.</summary>
public class PoStringLocalizer(PoCatalog catalog, string? context = null) : IPluralStringLocalizer
{
    public LocalizedString this[string name] => Get(name, []);

    public LocalizedString this[string name, params object[] arguments] => Get(name, arguments);

    private LocalizedString Get(string name, object[] arguments)
    {
        var culture = CultureInfo.CurrentUICulture;
        var found = catalog.Find(culture.TwoLetterISOLanguageName, name, context) ?? (context is null ? null : catalog.Find(culture.TwoLetterISOLanguageName, name));
        var text = found is { Length: > 0 } ? found[0] : name;
        return new LocalizedString(name, arguments.Length == 0 ? text : string.Format(culture, text, arguments), resourceNotFound: found is null);
    }

    /// <summary>The plural form for <paramref name="count"/>, by the PO file's Plural-Forms: French uses the singular for 0 and 1, German only for 1.</summary>
    public LocalizedString Plural(int count, string singular, string plural, params object[] arguments)
    {
        var culture = CultureInfo.CurrentUICulture;
        var lang = culture.TwoLetterISOLanguageName;
        var found = catalog.Find(lang, singular, context);
        var index = catalog.ZeroIsSingular(lang) ? (count > 1 ? 1 : 0) : (count != 1 ? 1 : 0);
        var text = found is not null && found.Length > index ? found[index] : index == 0 ? singular : plural;
        var args = new object[] { count }.Concat(arguments).ToArray();
        return new LocalizedString(singular, string.Format(culture, text, args), found is null);
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}

public sealed class PoStringLocalizerFactory(PoCatalog catalog) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new PoStringLocalizer(catalog);

    public IStringLocalizer Create(string baseName, string location) => new PoStringLocalizer(catalog);
}

public interface IPluralStringLocalizer : IStringLocalizer
{
    LocalizedString Plural(int count, string singular, string plural, params object[] arguments);
}

/// <summary>What <c>IStringLocalizer&lt;T&gt;</c> resolves to, so that typed localizers read the same catalog.</summary>
public sealed class PoStringLocalizer<T>(PoCatalog catalog) : PoStringLocalizer(catalog), IStringLocalizer<T>;

public static class PluralExtensions
{
    /// <summary><c>T.Plural(n, "{0} item", "{0} items")</c>; the PO entry carries msgid_plural and msgstr[0..1].</summary>
    public static LocalizedString Plural(this IStringLocalizer localizer, int count, string singular, string plural, params object[] arguments) =>
        localizer is IPluralStringLocalizer po ? po.Plural(count, singular, plural, arguments)
        : new LocalizedString(singular, string.Format(count == 1 ? singular : plural, new object[] { count }.Concat(arguments).ToArray()));
}
