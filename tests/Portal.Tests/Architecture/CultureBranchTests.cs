using Portal.Tests.Localization;

namespace Portal.Tests.Architecture;

/// <summary>No branch on a culture code outside the culture catalogue; the test of the test plants some and sees them caught.</summary>
public sealed class CultureBranchTests
{
    [Fact]
    public void No_code_or_view_branches_on_a_culture_code_outside_the_catalogue()
    {
        var files = CultureBranchRules.SourceFiles(PoTests.FindRepositoryRoot()).ToList();
        files.Should().Contain(f => f.Path == CultureBranchRules.Catalogue, "the scan reads the sources");
        files.Count(f => f.Path.EndsWith(".cshtml", StringComparison.Ordinal)).Should().BeGreaterThan(10, "views are scanned too");
        CultureBranchRules.Find(files).Should().BeEmpty();
    }

    [Fact]
    public void The_culture_rule_catches_comparisons_and_switch_arms_on_a_culture_code()
    {
        string[] planted =
        [
            "var label = culture == \"de\" ? de : fr;",
            "if (\"fr\" != culture) return;",
            "if (string.Equals(culture, \"de\", StringComparison.OrdinalIgnoreCase)) return;",
            "if (culture.Equals(\"fr\", StringComparison.Ordinal)) return;",
            "if (\"de-LU\".Equals(culture)) return;",
            "CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture is \"de\" ? \"de\" : \"fr\");",
            "var ok = culture is \"fr\" or \"de\";",
            "\"de\" => \"Titel\",",
            "case \"fr\":",
            "@(other == \"de\" ? T[\"Open the German version\"] : T[\"Open the French version\"])",
            "var first = culture.StartsWith(\"en\", StringComparison.Ordinal);",
        ];
        string[] innocent =
        [
            "var name = cultures.NameOf(culture);",
            "public const string GermanSibling = \"de\";",
            "[\"TitlePart.Title\"] = [\"nom\", \"name\", \"titre\", \"title\"],",
            "var site = Find(culture) ?? All[0];",
            "if (culture == cultures.Default) return;",
            "var header = culture.Length == 2 ? \"desc\" : \"fr-like\";",
        ];
        var text = string.Join('\n', planted.Concat(innocent));

        var found = CultureBranchRules.Find([("src/Modules/Planted/Branches.cs", text)]).ToList();

        found.Should().HaveCount(planted.Length);
        for (var i = 0; i < planted.Length; i++) found[i].Should().Be($"src/Modules/Planted/Branches.cs:{i + 1}: {planted[i]}");
        CultureBranchRules.Find([(CultureBranchRules.Catalogue, text)]).Should().BeEmpty("the catalogue is the one place that may name cultures");
    }
}
