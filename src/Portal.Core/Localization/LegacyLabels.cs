namespace Portal.Core.Localization;

/// <summary>
/// The cultures of the old bilingual JSON shape, which stored a label as a text and its German sibling
/// (<c>"DisplayName"</c> + <c>"DisplayNameDe"</c>) or, for terms, as <c>"Fr"</c> + <c>"De"</c>. Only the readers of that
/// shape use these codes: they turn it into a <see cref="LocalizedText"/>.
/// </summary>
public static class LegacyLabels
{
    /// <summary>The culture of a <c>…De</c> sibling and of a term's <c>"De"</c>.</summary>
    public const string GermanSibling = "de";

    /// <summary>The culture of a term's <c>"Fr"</c>.</summary>
    public const string FrenchTerm = "fr";

    /// <summary>A text and its German sibling (the old pair, also how the first modules write their definitions) as one text: the main text names no culture (it stood for the default one), the sibling is German.</summary>
    public static LocalizedText Pair(LocalizedText main, string? germanSibling) =>
        string.IsNullOrEmpty(germanSibling) ? main : main.With(GermanSibling, germanSibling);
}
