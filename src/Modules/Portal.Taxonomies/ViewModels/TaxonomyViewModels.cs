using Portal.Taxonomies.Models;

namespace Portal.Taxonomies.ViewModels;

public sealed class VocabularyTermsViewModel
{
    public required Vocabulary Vocabulary { get; init; }
    public required IReadOnlyList<(Term Term, int Depth)> Terms { get; init; }
    public int Total { get; init; }
    public int Page { get; init; }
    public int PageCount { get; init; }
    public string? Query { get; init; }
    public string? Notice { get; init; }
}

public sealed class TermEditViewModel
{
    public required Vocabulary Vocabulary { get; init; }
    public bool IsNew { get; init; }
    public string? OriginalSlug { get; init; }
    public string Stamp { get; init; } = "";
    public string Slug { get; set; } = "";
    /// <summary>The label's input per culture of the catalogue.</summary>
    public Dictionary<string, string> Labels { get; set; } = [];
    public string? Parent { get; set; }
    /// <summary>One "system=code" per line, e.g. "data-inclusion=seniors".</summary>
    public string? Codes { get; set; }
    public Dictionary<string, string> Errors { get; } = [];
    public string? Message { get; set; }
}
