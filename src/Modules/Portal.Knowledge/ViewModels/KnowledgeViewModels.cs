using Portal.Knowledge.Models;
using Portal.Knowledge.Services;

namespace Portal.Knowledge.ViewModels;

/// <summary>The list of good practices: the words and facet choices, the facets with their labels, the projects found.</summary>
public sealed class GoodPracticeListViewModel
{
    public required string Culture { get; init; }
    public required string BaseUrl { get; init; }
    public string? Query { get; init; }
    public required IReadOnlyList<GoodPracticeDetails> Entries { get; init; }
    public required IReadOnlyList<(string Name, string Title, IReadOnlyList<(string Value, string Label, int Count)> Values, string? Selected)> Facets { get; init; }
    public required Func<string, string, string> Label { get; init; }
}

/// <summary>The replication form: the project, what was typed, the message of each wrong field.</summary>
public sealed class ReplicationFormViewModel
{
    public required GoodPracticeDetails Project { get; init; }
    public required string ProjectUrl { get; init; }
    public required string ActionUrl { get; init; }
    public ReplicationForm Form { get; init; } = new();
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    public string? Error(string field) => Errors.GetValueOrDefault(field);
    public string? Invalid(string field) => Errors.ContainsKey(field) ? "true" : null;
    public string? Described(string field, string? hint = null) =>
        string.Join(' ', new[] { hint, Errors.ContainsKey(field) ? $"rep-{field}-error" : null }.OfType<string>()) is { Length: > 0 } s ? s : null;
}

public sealed record ReplicationSentViewModel(string ProjectTitle, string ProjectUrl);

/// <summary>The guide's entry page: a link per side written in this culture.</summary>
public sealed record GuideIndexViewModel(string Culture, IReadOnlyList<(string Side, string Title, string Url, string? Introduction)> Sides);

public sealed record GlossaryViewModel(string Culture, IReadOnlyList<GlossaryConcept> Concepts);

public sealed record ReplicationAdminViewModel(IReadOnlyList<Data.ReplicationRequest> Pending, IReadOnlyList<Data.ReplicationRequest> Recent, string? Message);
