using System.Globalization;

namespace Portal.Core.Localization;

public static class Cultures
{
    public const string Default = "fr";
    public static readonly string[] Supported = ["fr", "de"];

    public static bool IsSupported(string? culture) => culture is not null && Supported.Contains(culture);

    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var c && IsSupported(c) ? c : Default;
}
