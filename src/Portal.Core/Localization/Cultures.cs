using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Portal.Core.Localization;

/// <summary>
/// The catalogue of the site's cultures, read from configuration <c>Portal:Cultures</c> (a list of
/// <c>{ Code, Name, Format }</c>); without it, French and German. The first culture is the default one.
/// Registered once as a singleton; nothing else in the code names a culture.
/// </summary>
public sealed class Cultures
{
    public static readonly IReadOnlyList<SiteCulture> Defaults = [new("fr", "Français"), new("de", "Deutsch")];

    private readonly Dictionary<string, SiteCulture> _byCode;

    public Cultures(IEnumerable<SiteCulture> cultures)
    {
        All = cultures.ToList();
        if (All.Count == 0) throw new ArgumentException("A site has at least one culture.", nameof(cultures));
        _byCode = All.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        Supported = All.Select(c => c.Code).ToArray();
    }

    public static Cultures FromConfiguration(IConfiguration configuration)
    {
        var configured = configuration.GetSection("Portal:Cultures").GetChildren()
            .Select(s => new SiteCulture(s["Code"] ?? throw new InvalidOperationException($"{s.Path}:Code is missing."), s["Name"] ?? s["Code"]!, s["Format"]))
            .ToList();
        return new Cultures(configured.Count > 0 ? configured : Defaults);
    }

    public IReadOnlyList<SiteCulture> All { get; }

    /// <summary>The codes, default first.</summary>
    public string[] Supported { get; }

    public string Default => All[0].Code;

    public bool IsSupported(string? culture) => culture is not null && _byCode.ContainsKey(culture);

    public SiteCulture? Find(string? culture) => culture is not null && _byCode.TryGetValue(culture, out var c) ? c : null;

    /// <summary>The culture's name in its own language (Français, Deutsch…).</summary>
    public string NameOf(string culture) => Find(culture)?.Name ?? culture;

    /// <summary>The culture's English name ("German"), the message id the PO files translate ("allemand", "Deutsch").</summary>
    public string EnglishNameOf(string culture) => Find(culture)?.EnglishName ?? culture;

    /// <summary>The culture of the current request (its UI culture), or the default one.</summary>
    public string Current => Find(CultureInfo.CurrentUICulture.Name)?.Code ?? Find(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)?.Code ?? Default;

    /// <summary>A supported culture as given, or the default one (e.g. a user's stored preference).</summary>
    public string OrDefault(string? culture) => Find(culture)?.Code ?? Default;

    /// <summary>
    /// Runs <paramref name="compose"/> with the interface culture of <paramref name="culture"/> (a supported one, or the
    /// default): a message written in its recipient's language, whatever the request's.
    /// </summary>
    public T In<T>(string? culture, Func<T> compose)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = (Find(culture) ?? All[0]).Interface;
        try { return compose(); }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    /// <summary>Sets the current thread's cultures (interface and formats) to <paramref name="culture"/>.</summary>
    public void Use(string culture)
    {
        var site = Find(culture) ?? All[0];
        CultureInfo.CurrentUICulture = site.Interface;
        CultureInfo.CurrentCulture = site.Formats;
    }
}
