namespace Portal.Knowledge;

/// <summary>The sides of the border the guide describes, in the order it shows them (the keys are stored; the names are labels of the field).</summary>
public static class GuideSides
{
    public sealed record Side(string Key, string French, string German);

    public static readonly IReadOnlyList<Side> All =
    [
        new("france", "France", "Frankreich"),
        new("luxembourg", "Luxembourg", "Luxemburg"),
        new("wallonia", "Belgique – Wallonie", "Belgien – Wallonien"),
        new("saarland", "Sarre", "Saarland"),
        new("rhineland-palatinate", "Rhénanie-Palatinat", "Rheinland-Pfalz"),
    ];

    public static int OrderOf(string? key)
    {
        for (var i = 0; i < All.Count; i++) if (All[i].Key == key) return i;
        return All.Count;
    }
}
