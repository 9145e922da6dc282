using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Taxonomies.Models;

namespace Portal.Taxonomies.Services;

/// <summary>Slugs unique and well formed, both labels present, parents that exist and no term its own ancestor.</summary>
public sealed partial class VocabularyValidator(IStringLocalizer<VocabularyValidator> T)
{
    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    public static partial Regex SlugPattern();

    public ContentValidationResult Validate(Vocabulary vocabulary)
    {
        var result = new ContentValidationResult();
        if (!SlugPattern().IsMatch(vocabulary.Name) || vocabulary.Name.Length > 22)
            result.Add("Name", T["The vocabulary name \"{0}\" must be lower-case letters, digits and dashes, at most 22 characters.", vocabulary.Name]);
        if (string.IsNullOrWhiteSpace(vocabulary.DisplayName)) result.Add("DisplayName", T["The vocabulary needs a French name."]);
        if (string.IsNullOrWhiteSpace(vocabulary.DisplayNameDe)) result.Add("DisplayNameDe", T["The vocabulary needs a German name."]);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in vocabulary.Terms)
        {
            var key = $"Terms.{term.Slug}";
            if (!SlugPattern().IsMatch(term.Slug) || term.Slug.Length > 80)
                result.Add(key + ".Slug", T["The slug \"{0}\" must be lower-case letters, digits and dashes.", term.Slug]);
            if (!seen.Add(term.Slug)) result.Add(key + ".Slug", T["The slug \"{0}\" is used twice.", term.Slug]);
            if (string.IsNullOrWhiteSpace(term.Fr)) result.Add(key + ".Fr", T["The term {0} needs a French label.", term.Slug]);
            if (string.IsNullOrWhiteSpace(term.De)) result.Add(key + ".De", T["The term {0} needs a German label.", term.Slug]);
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
}
