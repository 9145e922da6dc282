using System.Globalization;

namespace Portal.Core.Localization;

/// <summary>
/// One language of the site: its code (also the first segment of its public addresses, /fr/…), its name in its own
/// language (the language switcher shows it), and the .NET culture whose date and number formats its pages use.
/// </summary>
public sealed record SiteCulture(string Code, string Name, string? Format = null)
{
    /// <summary>The first segment of the culture's public addresses.</summary>
    public string Segment => Code;

    /// <summary>Dates and numbers are written as this culture writes them.</summary>
    public CultureInfo Formats => CultureInfo.GetCultureInfo(string.IsNullOrEmpty(Format) ? Code : Format);

    /// <summary>Interface strings are looked up in this culture's PO files.</summary>
    public CultureInfo Interface => CultureInfo.GetCultureInfo(Code);

    /// <summary>The language's English name ("German"): the message id under which the PO files translate it.</summary>
    public string EnglishName => Interface.EnglishName;
}
