namespace Portal.Core.Hosting;

/// <summary>Reads query-string values by hand, so that a bad one is a 400 with a reason rather than a silent default.</summary>
public static class QueryValues
{
    /// <summary>An absent page is page 1; otherwise a whole number from 1.</summary>
    public static bool TryPage(string? text, out int page)
    {
        page = 1;
        return string.IsNullOrEmpty(text) || int.TryParse(text, out page) && page is >= 1 and <= 100_000;
    }
}
