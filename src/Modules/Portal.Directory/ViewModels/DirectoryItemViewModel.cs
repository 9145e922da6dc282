using Portal.Core.Content;

namespace Portal.Directory.ViewModels;

public sealed record DisplayValue(string Text, string? Href = null, string? Lang = null);

public sealed record DisplayRow(string Label, IReadOnlyList<DisplayValue> Values);

/// <summary>A group of information as a visitor reads it: what, for whom, where, when, how much, how to join…</summary>
public sealed record DisplaySection(string Id, string Heading, IReadOnlyList<DisplayRow> Rows)
{
    /// <summary>The opening hours as a table of days, for the "when" section.</summary>
    public Portal.Directory.OpeningHours.OpeningHoursDisplay? Hours { get; init; }
}

public sealed record OfferLink(string Title, string Url, string TypeLabel);

public sealed class DirectoryItemViewModel
{
    public required ContentItem Item { get; init; }
    public required string TypeLabel { get; init; }
    public required string Culture { get; init; }
    public string? DescriptionHtml { get; init; }
    public required IReadOnlyList<DisplaySection> Sections { get; init; }
    public OfferLink? Actor { get; init; }
    public IReadOnlyList<OfferLink> Offers { get; init; } = [];
    public string? LastVerified { get; init; }
    /// <summary>A marker of <see cref="Verification"/> (the organisation or the editorial team), never a person.</summary>
    public string? VerifiedBy { get; init; }
    public bool Sample { get; init; }
    public (double Latitude, double Longitude)? Location { get; init; }
    public string? Address { get; init; }
    public required string JsonLd { get; init; }
}

public sealed class DirectoryListViewModel
{
    public required string ContentType { get; init; }
    public required string Heading { get; init; }
    public required IReadOnlyList<(ContentItem Item, string? Commune)> Items { get; init; }
    public int Total { get; init; }
    public int Page { get; init; }
    public int PageCount { get; init; }
    public required string BaseUrl { get; init; }
}
