using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Knowledge.Models;

namespace Portal.Knowledge.Services;

/// <summary>The facets of the list: the vocabulary each one names and how a good practice gives its values.</summary>
public sealed record GoodPracticeFacet(string Name, string Vocabulary, Func<GoodPracticeDetails, IReadOnlyList<string>> Values);

public sealed record GoodPracticeFilter(string? Query, IReadOnlyDictionary<string, string> Selected);

public sealed record FacetCount(string Value, int Count);

public sealed record GoodPracticeResult(IReadOnlyList<GoodPracticeDetails> Entries, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

/// <summary>The published good practices of a culture, filtered by words and facets (themes, public, territory, funding).</summary>
public sealed class GoodPracticeLibrary(PortalDbContext db)
{
    public const int MaxEntries = 2000;

    public static readonly IReadOnlyList<GoodPracticeFacet> Facets =
    [
        new("theme", "domains", g => g.Themes),
        new("public", "audiences", g => g.Audiences),
        new("territory", "territories", g => g.Territories),
        new("funding", KnowledgeTypes.FundingVocabulary, g => g.Funding),
    ];

    public async Task<GoodPracticeResult> QueryAsync(string culture, GoodPracticeFilter filter, Func<string, string, string> label)
    {
        var items = await db.ContentItems.AsNoTracking()
            .Where(i => i.ContentType == KnowledgeTypes.GoodPractice && i.Published && i.Culture == culture)
            .OrderBy(i => i.DisplayText).Take(MaxEntries).ToListAsync();
        var words = Words(filter.Query);
        var entries = items.Select(i => new GoodPracticeDetails(i))
            .Where(g => words.Count == 0 || Matches(g, words, label)).ToList();

        bool Keeps(GoodPracticeDetails g, GoodPracticeFacet? except) => Facets.Where(f => f != except)
            .All(f => !filter.Selected.TryGetValue(f.Name, out var v) || f.Values(g).Contains(v));
        // Each facet counts what the other choices leave, so a choice can be widened from its own list.
        var facets = Facets.ToDictionary(f => f.Name, f => (IReadOnlyList<FacetCount>)entries.Where(g => Keeps(g, f)).SelectMany(f.Values)
            .GroupBy(v => v).Select(v => new FacetCount(v.Key, v.Count())).OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList());
        return new GoodPracticeResult(entries.Where(g => Keeps(g, null)).ToList(), facets);
    }

    private static List<string> Words(string? query) =>
        (query ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Fold).Where(w => w.Length > 1).Take(12).ToList();

    /// <summary>Every word is in the title, the texts or a term's label (accents and case ignored).</summary>
    private static bool Matches(GoodPracticeDetails g, List<string> words, Func<string, string, string> label)
    {
        var text = Fold(string.Join(' ', new[] { g.Title, g.Summary, g.Markdown("Problem"), g.Markdown("WhatWasDone"), g.Markdown("Partners"), g.Markdown("Results") }
            .Concat(Facets.SelectMany(f => f.Values(g).Select(v => label(f.Vocabulary, v)))).OfType<string>()));
        return words.All(text.Contains);
    }

    private static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        return new string(decomposed.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());
    }
}
