using Portal.Resources.Services;

namespace Portal.Resources.ViewModels;

/// <summary>The library page: the filters as chosen, the facets with their labels, the resources found.</summary>
public sealed class LibraryViewModel
{
    public required string Culture { get; init; }
    public required string BaseUrl { get; init; }
    public required ResourceFilter Filter { get; init; }
    public required IReadOnlyList<ResourceEntry> Entries { get; init; }
    /// <summary>Facet name → its choices as (value, label, count).</summary>
    public required IReadOnlyList<(string Name, string Title, IReadOnlyList<(string Value, string Label, int Count)> Values, string? Selected)> Facets { get; init; }
    public required Func<string, string> KindLabel { get; init; }
}
