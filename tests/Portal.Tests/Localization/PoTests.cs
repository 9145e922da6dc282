using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Core.Localization;
using Portal.Core.Modules;

namespace Portal.Tests.Localization;

public sealed partial class PoTests
{
    [Fact]
    public void The_parser_reads_contexts_plurals_escapes_and_multi_line_strings()
    {
        var entries = PoParser.Parse("""
            # comment
            msgctxt "menu"
            msgid "Home"
            msgstr "Accueil"

            msgid "{0} item"
            msgid_plural "{0} items"
            msgstr[0] "{0} élément"
            msgstr[1] "{0} éléments"

            msgid ""
            "Two "
            "lines"
            msgstr "Deux \"lignes\"\n"
            """);

        entries.Should().HaveCount(3);
        entries[0].Key.Should().Be("menu\u0004Home");
        entries[1].Translations.Should().Equal("{0} élément", "{0} éléments");
        entries[2].Id.Should().Be("Two lines");
        entries[2].Translations[0].Should().Be("Deux \"lignes\"\n");
    }

    [Theory]
    [InlineData("fr", 0, "0 élément")]
    [InlineData("fr", 1, "1 élément")]
    [InlineData("fr", 2, "2 éléments")]
    [InlineData("de", 0, "0 Einträge")]
    [InlineData("de", 1, "1 Eintrag")]
    public void Plurals_follow_each_languages_rule(string culture, int count, string expected)
    {
        var catalog = Catalog();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            new PoStringLocalizer(catalog).Plural(count, "{0} item", "{0} items").Value.Should().Be(expected);
        }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    private static PoCatalog Catalog() =>
        PoCatalog.FromAssemblies(ModuleCatalog.FromReferences(typeof(Program).Assembly).Modules.Select(m => m.Assembly));

    [GeneratedRegex(@"\b(?:T|S)\[\s*""((?:[^""\\]|\\.)*)""|\.Plural\(\s*[^,()]+,\s*""((?:[^""\\]|\\.)*)""\s*,\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizedString();

    /// <summary>The strings written as T["…"], S["…"] or .Plural(n, "…", "…") in these files that lack a French or German translation.</summary>
    private static List<string> MissingTranslations(string root, IEnumerable<string> files, PoCatalog catalog)
    {
        var missing = new List<string>();
        foreach (var file in files)
        {
            foreach (Match match in LocalizedString().Matches(File.ReadAllText(file)))
            {
                var id = Regex.Unescape(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value);
                foreach (var culture in new[] { "fr", "de" })
                    if (!catalog.Contains(culture, id))
                        missing.Add($"{culture}: \"{id}\" ({Path.GetRelativePath(root, file)})");
            }
        }
        return missing.Distinct().ToList();
    }

    /// <summary>Every string written as T["…"], S["…"] or .Plural(n, "…", "…") in code and views has a French and a German translation.</summary>
    [Fact]
    public void Every_localized_string_in_code_and_views_is_translated_in_french_and_german()
    {
        var root = FindRepositoryRoot();
        var catalog = Catalog();
        var files = System.IO.Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs") || f.EndsWith(".cshtml")) && !f.Contains("/obj/") && !f.Contains("/bin/") && !f.Contains("/Migrations/"));
        MissingTranslations(root, files, catalog).Should().BeEmpty();
        catalog.Cultures.Should().Contain(["fr", "de"]);
    }

    /// <summary>The check above is not vacuous: on a fixture whose German PO file lacks a plural, it names that string.</summary>
    [Fact]
    public void A_string_missing_from_the_german_file_is_reported()
    {
        var root = FindRepositoryRoot();
        var fixture = Path.Combine(root, "tests", "Portal.Tests", "Localization", "Fixtures", "MissingGerman");
        var catalog = new PoCatalog();
        foreach (var culture in new[] { "fr", "de" }) catalog.Add(culture, PoParser.Parse(File.ReadAllText(Path.Combine(fixture, culture + ".po"))));
        var missing = MissingTranslations(root, [Path.Combine(fixture, "Notice.cshtml")], catalog);
        missing.Should().Equal("de: \"{0} seat left\" (tests/Portal.Tests/Localization/Fixtures/MissingGerman/Notice.cshtml)");
    }

    [Fact]
    public void Every_po_file_has_its_twin_in_the_other_language_with_the_same_entries()
    {
        var root = FindRepositoryRoot();
        foreach (var fr in System.IO.Directory.EnumerateFiles(Path.Combine(root, "src"), "fr.po", SearchOption.AllDirectories).Where(f => !f.Contains("/bin/") && !f.Contains("/obj/")))
        {
            var de = Path.Combine(Path.GetDirectoryName(fr)!, "de.po");
            File.Exists(de).Should().BeTrue($"{de} should exist beside {fr}");
            var frIds = PoParser.Parse(File.ReadAllText(fr)).Select(e => e.Key).Order().ToList();
            var deIds = PoParser.Parse(File.ReadAllText(de)).Select(e => e.Key).Order().ToList();
            deIds.Should().Equal(frIds, $"{fr} and its German twin should translate the same strings");
        }
    }

    /// <summary>The catalogue is one for the whole site: a string two modules translate differently shows one module's words in the other's page.</summary>
    [Theory]
    [InlineData("fr")]
    [InlineData("de")]
    public void A_string_translated_in_several_modules_is_translated_the_same_way(string culture)
    {
        var root = FindRepositoryRoot();
        var translations = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.EnumerateFiles(Path.Combine(root, "src"), culture + ".po", SearchOption.AllDirectories).Where(f => !f.Contains("/bin/") && !f.Contains("/obj/")))
            foreach (var entry in PoParser.Parse(File.ReadAllText(file)))
            {
                if (!translations.TryGetValue(entry.Key, out var set)) translations[entry.Key] = set = new(StringComparer.Ordinal);
                set.Add(string.Join("|", entry.Translations));
            }
        translations.Where(t => t.Value.Count > 1).Select(t => $"{t.Key}: {string.Join(" / ", t.Value)}").Should().BeEmpty();
    }

    public static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Portal.sln not found above the test binaries.");
    }
}
