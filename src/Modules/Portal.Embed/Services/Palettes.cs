namespace Portal.Embed.Services;

/// <summary>
/// The colours a widget may take: each accent carries white text and sits on a white page with at least 4.5:1
/// contrast (WCAG 2.2 AA for normal text), so no choice breaks legibility. Names are CSS classes of embed.css.
/// </summary>
public static class Palettes
{
    public sealed record Palette(string Name, string Label, string Accent);

    public static readonly IReadOnlyList<Palette> All =
    [
        new("blue", "Blue", "#1f4e8c"),
        new("green", "Green", "#1e6b3a"),
        new("purple", "Purple", "#5b2a86"),
        new("red", "Red", "#a4262c"),
        new("slate", "Slate", "#3d4650"),
    ];

    public static Palette Of(string? name) => All.FirstOrDefault(p => p.Name == name) ?? All[0];

    /// <summary>WCAG 2.x contrast ratio of two #rrggbb colours.</summary>
    public static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int at)
        {
            var c = Convert.ToInt32(hex.Substring(at, 2), 16) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
    }
}
