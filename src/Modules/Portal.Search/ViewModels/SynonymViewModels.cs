using Microsoft.AspNetCore.Mvc.ModelBinding;
using Portal.Search.Synonyms;

namespace Portal.Search.ViewModels;

/// <summary>The add or edit form of a synonym group, as posted and as shown again with its errors.</summary>
public sealed class SynonymFormModel
{
    [BindNever]
    public string? Id { get; set; }
    public string Culture { get; set; } = "";
    /// <summary>The expressions, one per line or separated by commas, as typed.</summary>
    public string Terms { get; set; } = "";
    /// <summary>The expressions when the form was opened, to notice a change made meanwhile by someone else.</summary>
    public string? Original { get; set; }
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    [BindNever]
    public string? Message { get; set; }
}

public sealed class SynonymListViewModel
{
    public required IReadOnlyList<SynonymGroup> Groups { get; init; }
    public int Total { get; init; }
    public int Page { get; init; }
    public int PageCount { get; init; }
    /// <summary>The culture listed, or null for all of them.</summary>
    public string? Culture { get; init; }
    public string? Query { get; init; }
    public required SynonymFormModel Form { get; init; }
    public string? Notice { get; init; }
}
