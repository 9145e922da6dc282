namespace Portal.Taxonomies.Models;

/// <summary>The term editor's inputs: one per culture, named after its code with a capital ("Fr", "De", "En").</summary>
public static class TermLabels
{
    public static string InputName(string culture) => culture.Length == 0 ? culture : char.ToUpperInvariant(culture[0]) + culture[1..];
}
