using Portal.Core.Content;

namespace Portal.Contents.ViewModels;

public sealed class ContentListViewModel
{
    public required ContentTypeDefinition Type { get; init; }
    public required IReadOnlyList<ContentItem> Items { get; init; }
    public int Total { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; }
    public string? Status { get; init; }
    public string? Culture { get; init; }
    public string? Query { get; init; }
    public string Sort { get; init; } = "modified";
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public string? Notice { get; init; }
}

public sealed record TypeSummary(ContentTypeDefinition Type, int Total, int Published, int Drafts);

public sealed class DashboardViewModel
{
    public required IReadOnlyList<TypeSummary> Types { get; init; }
    public required IReadOnlyList<ContentItem> Recent { get; init; }
    public IReadOnlyList<Portal.Core.Hosting.DashboardCard> Cards { get; init; } = [];
}

public sealed class VersionsViewModel
{
    public required ContentTypeDefinition Type { get; init; }
    public required IReadOnlyList<ContentItem> Versions { get; init; }
    public IReadOnlyList<AuditEntry> Audit { get; init; } = [];
    public string? Notice { get; init; }
}
