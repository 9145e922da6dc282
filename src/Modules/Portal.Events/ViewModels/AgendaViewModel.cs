using Portal.Events.Models;

namespace Portal.Events.ViewModels;

/// <summary>The agenda page: upcoming sessions as a list, or one month as a calendar grid, with the filters.</summary>
public sealed class AgendaViewModel
{
    public required string Culture { get; init; }
    public required string BasePath { get; init; }
    public required AgendaFilter Filter { get; init; }
    public required IReadOnlyList<AgendaEntry> Entries { get; init; }
    /// <summary>The month shown as a grid; null for the list of upcoming sessions.</summary>
    public DateOnly? Month { get; init; }
    public DateOnly Today { get; init; }
    public required IReadOnlyList<AgendaFilterGroup> Filters { get; init; }
    public required IReadOnlyDictionary<string, Organiser> Organisers { get; init; }
}

/// <summary>One select of the filter form: its query name, its label (an English message id) and its choices.</summary>
public sealed record AgendaFilterGroup(string Name, string Label, string? Selected, IReadOnlyList<(string Value, string Label)> Options);

/// <summary>The archive: events that are over, with their report when one was written.</summary>
public sealed class ArchiveViewModel
{
    public required string Culture { get; init; }
    public required string AgendaPath { get; init; }
    public required IReadOnlyList<EventDetails> Events { get; init; }
}
