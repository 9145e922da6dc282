using Portal.Newsletter.Data;
using Portal.Newsletter.Services;

namespace Portal.Newsletter.Models;

public sealed record EditionListViewModel(IReadOnlyList<(Edition Edition, DispatchCounts Counts)> Editions, int Subscribers, string? Notice);

public sealed record EditionEditViewModel(Edition? Edition, EditionForm Form, IReadOnlyDictionary<string, string> Errors, IReadOnlyDictionary<string, List<EditionItem>> Choices,
    string? Query, DispatchCounts? Counts, IReadOnlyList<string> Missing, TestForm Test, IReadOnlyDictionary<string, string> TestErrors, string? Notice)
{
    public string? Error(string field) => Errors.GetValueOrDefault(field) ?? TestErrors.GetValueOrDefault(field);
    public bool IsDraft => Edition is null || Edition.Status == EditionStatus.Draft;
}
