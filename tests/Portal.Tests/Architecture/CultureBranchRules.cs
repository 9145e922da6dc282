using System.Text.RegularExpressions;

namespace Portal.Tests.Architecture;

/// <summary>
/// Languages are data: no code branches on a culture code. Finds comparisons with a culture code ("== \"de\"",
/// "\"fr\" !=", Equals/Compare with one, "is \"de\"", "or \"fr\"") and switch arms on one ("\"de\" =>", "case \"fr\":")
/// in source text; only the culture catalogue (Portal.Core/Localization/Cultures.cs) may name cultures so.
/// </summary>
public static partial class CultureBranchRules
{
    /// <summary>The one file allowed to branch on a culture code.</summary>
    public const string Catalogue = "src/Portal.Core/Localization/Cultures.cs";

    // A culture code as a string literal: the site's, the neighbours', with an optional region ("de-LU").
    private const string Code = "\"(?:fr|de|en|lb|nl|it|es|pt|pl)(?:-[A-Za-z]{2})?\"";

    [GeneratedRegex(
        @"[=!]=\s*" + Code + "|" + Code + @"\s*[=!]=" +
        @"|\b(?:is|or|and)\s+(?:not\s+)?" + Code +
        "|" + Code + @"\s*=>" + @"|\bcase\s+" + Code + @"\s*:" +
        @"|\b(?:Equals|Compare|CompareOrdinal|StartsWith)\s*\([^;\n]*" + Code +
        "|" + Code + @"\s*\.\s*(?:Equals|StartsWith|CompareTo)\s*\(")]
    private static partial Regex Branch();

    /// <summary>"path:line: text" for each line of the given files that branches on a culture code.</summary>
    public static IEnumerable<string> Find(IEnumerable<(string Path, string Text)> files) =>
        from file in files
        where file.Path.Replace('\\', '/') != Catalogue
        from line in file.Text.Split('\n').Select((text, index) => (Text: text, Number: index + 1))
        where Branch().IsMatch(line.Text)
        select $"{file.Path}:{line.Number}: {line.Text.Trim()}";

    /// <summary>Every .cs and .cshtml file under src/, as a path relative to the repository and its text.</summary>
    public static IEnumerable<(string Path, string Text)> SourceFiles(string root) =>
        System.IO.Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)));
}
