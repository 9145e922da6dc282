namespace Portal.ImportExport;

/// <summary>Bound from <c>Portal:OpenData</c>.</summary>
public sealed class OpenDataOptions
{
    /// <summary>The producer's identifier in data·inclusion ("source"), e.g. "cd57-senior-activ".</summary>
    public string Source { get; set; } = "portal";

    /// <summary>The site's public address, for links written by the command line (web requests use their own host).</summary>
    public string? PublicUrl { get; set; }
}
