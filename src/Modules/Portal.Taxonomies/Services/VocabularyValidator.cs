using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Localization;
using Portal.Taxonomies.Models;

namespace Portal.Taxonomies.Services;

/// <summary>
/// Slugs unique and well formed, labels complete (the default culture's, and every culture the vocabulary uses, on
/// the vocabulary and on each term), parents that exist and no term its own ancestor.
/// </summary>
public sealed partial class VocabularyValidator(IStringLocalizer<VocabularyValidator> T, Cultures cultures)
{
    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    public static partial Regex SlugPattern();

    public ContentValidationResult Validate(Vocabulary vocabulary)
    {
        var result = new ContentValidationResult();
        if (!SlugPattern().IsMatch(vocabulary.Name) || vocabulary.Name.Length > 22)
            result.Add("Name", T["The vocabulary name \"{0}\" must be lower-case letters, digits and dashes, at most 22 characters.", vocabulary.Name]);
        var required = RequiredCultures(vocabulary);
        foreach (var culture in required.Where(c => string.IsNullOrWhiteSpace(vocabulary.DisplayName.InputFor(c, cultures))))
            result.Add("DisplayName." + culture, T["The vocabulary needs a {0} name.", T[cultures.EnglishNameOf(culture)]]);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in vocabulary.Terms)
        {
            var key = $"Terms.{term.Slug}";
            if (!SlugPattern().IsMatch(term.Slug) || term.Slug.Length > 80)
                result.Add(key + ".Slug", T["The slug \"{0}\" must be lower-case letters, digits and dashes.", term.Slug]);
            if (!seen.Add(term.Slug)) result.Add(key + ".Slug", T["The slug \"{0}\" is used twice.", term.Slug]);
            foreach (var culture in required.Where(c => string.IsNullOrWhiteSpace(term.Label.InputFor(c, cultures))))
                result.Add($"{key}.{TermLabels.InputName(culture)}", T["The term {0} needs a {1} label.", term.Slug, T[cultures.EnglishNameOf(culture)]]);
            if (term.Latitude is < -90 or > 90 || term.Longitude is < -180 or > 180)
                result.Add(key + ".Latitude", T["The term {0} has coordinates outside the globe.", term.Slug]);
        }
        var bySlug = vocabulary.Terms.GroupBy(t => t.Slug).ToDictionary(g => g.Key, g => g.First());
        foreach (var term in vocabulary.Terms.Where(t => !string.IsNullOrEmpty(t.Parent)))
        {
            if (!bySlug.ContainsKey(term.Parent!))
            {
                result.Add($"Terms.{term.Slug}.Parent", T["The parent \"{0}\" of {1} is not a term of this vocabulary.", term.Parent!, term.Slug]);
                continue;
            }
            var ancestor = term.Parent;
            for (var steps = 0; ancestor is not null; steps++)
            {
                if (ancestor == term.Slug || steps > bySlug.Count)
                {
                    result.Add($"Terms.{term.Slug}.Parent", T["The term {0} would be its own ancestor.", term.Slug]);
                    break;
                }
                ancestor = bySlug.TryGetValue(ancestor, out var next) ? next.Parent : null;
                if (string.IsNullOrEmpty(ancestor)) ancestor = null;
            }
        }
        return result;
    }

    /// <summary>The default culture, and every culture of the catalogue that a label of the vocabulary names.</summary>
    public IReadOnlyList<string> RequiredCultures(Vocabulary vocabulary)
    {
        var named = vocabulary.Terms.Select(t => t.Label).Append(vocabulary.DisplayName)
            .SelectMany(l => l.Entries).Select(e => e.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return cultures.Supported.Where(c => c == cultures.Default || named.Contains(c)).ToList();
    }
}
