namespace Portal.ImportExport;

/// <summary>Bound from <c>Portal:OpenData</c>.</summary>
public sealed class OpenDataOptions
{
    /// <summary>The producer's identifier in data·inclusion ("source"), e.g. "cd57-senior-activ".</summary>
    public string Source { get; set; } = "portal";
}
