namespace Portal.Core.Hosting;

/// <summary>Reads query-string values by hand, so that a bad one is a 400 with a reason rather than a silent default.</summary>
public static class QueryValues
{
    /// <summary>The last page number any list serves: a higher one is a 400, never an overflowing offset.</summary>
    public const int MaxPage = 100_000;

    /// <summary>An absent page is page 1; otherwise a whole number from 1 to <see cref="MaxPage"/>.</summary>
    public static bool TryPage(string? text, out int page)
    {
        page = 1;
        return string.IsNullOrEmpty(text) || int.TryParse(text, out page) && page is >= 1 and <= MaxPage;
    }

    /// <summary>How many rows come before a page, computed in 64 bits so that no page number can make it negative.</summary>
    public static int Offset(int page, int pageSize) => (int)Math.Clamp(((long)Math.Max(page, 1) - 1) * Math.Max(pageSize, 0), 0, int.MaxValue);
}
