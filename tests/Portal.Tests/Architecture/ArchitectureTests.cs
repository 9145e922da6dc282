namespace Portal.Tests.Architecture;

/// <summary>
/// The dependency rules of the solution, checked on the assemblies as built (what each one really uses, not its
/// project references), each with a test showing that it fails when broken.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Uses = PortalAssemblies.Uses();
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Manifests = PortalAssemblies.Manifests();

    [Fact]
    public void Every_module_and_theme_is_found_with_its_manifest()
    {
        Manifests.Keys.Should().Contain(["Portal.Users", "Portal.Contents", "Portal.Taxonomies", "Portal.Directory", "Portal.Search", "Portal.Maps",
            "Portal.Moderation", "Portal.ImportExport", "Portal.Publishing", "Portal.Outbox", "Portal.Theme", "Portal.AdminTheme"]);
        Uses.Keys.Should().Contain([PortalAssemblies.Core, PortalAssemblies.Host]);
        Uses["Portal.Directory"].Should().Contain(["Portal.Core", "Portal.Contents", "Portal.Taxonomies"], "the reader sees what a module uses");
    }

    [Fact]
    public void The_kernel_uses_no_module_and_not_the_host() =>
        DependencyRules.KernelUsesNoModule(Uses, Manifests, PortalAssemblies.Core, PortalAssemblies.Host).Should().BeEmpty();

    [Fact]
    public void A_module_uses_only_the_kernel_and_the_modules_its_manifest_names() =>
        DependencyRules.ModulesUseOnlyWhatTheyName(Uses, Manifests, PortalAssemblies.Core).Should().BeEmpty();

    [Fact]
    public void No_module_uses_the_host() =>
        DependencyRules.NoModuleUsesTheHost(Uses, Manifests, PortalAssemblies.Host).Should().BeEmpty();

    [Fact]
    public void No_cycle_between_modules() =>
        DependencyRules.Cycles(Uses, Manifests).Should().BeEmpty();

    // Tests of the tests: each rule reports a graph that breaks it.

    private static IReadOnlyDictionary<string, IReadOnlySet<string>> Graph(params (string From, string[] To)[] uses) =>
        uses.ToDictionary(u => u.From, u => (IReadOnlySet<string>)u.To.ToHashSet());

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> TwoModules =
        new Dictionary<string, IReadOnlyList<string>> { ["A"] = [], ["B"] = ["A"] };

    [Fact]
    public void The_kernel_rule_reports_a_kernel_using_a_module_or_the_host() =>
        DependencyRules.KernelUsesNoModule(Graph(("Core", ["A", "Host"])), TwoModules, "Core", "Host")
            .Should().Equal("Core uses A", "Core uses Host");

    [Fact]
    public void The_manifest_rule_reports_a_transitive_use_that_the_manifest_does_not_name()
    {
        var manifests = new Dictionary<string, IReadOnlyList<string>> { ["A"] = [], ["B"] = ["A"], ["C"] = ["B"] };
        DependencyRules.ModulesUseOnlyWhatTheyName(Graph(("C", ["Core", "B", "A"]), ("B", ["Core", "A"])), manifests, "Core")
            .Should().Equal("C uses A without naming it in its manifest");
    }

    [Fact]
    public void The_manifest_rule_reports_a_real_assembly_using_what_it_does_not_name()
    {
        // The test project uses the host (its factory starts Program): as a "module" naming nothing, it breaks the rule.
        var uses = new Dictionary<string, IReadOnlySet<string>> { ["Portal.Tests"] = PortalAssemblies.UsedPortalAssemblies(typeof(ArchitectureTests).Assembly) };
        var manifests = new Dictionary<string, IReadOnlyList<string>> { ["Portal.Tests"] = [] };
        DependencyRules.ModulesUseOnlyWhatTheyName(uses, manifests, PortalAssemblies.Core).Should().Contain("Portal.Tests uses Portal.Web without naming it in its manifest");
        DependencyRules.NoModuleUsesTheHost(uses, manifests, PortalAssemblies.Host).Should().Equal("Portal.Tests uses the host Portal.Web");
    }

    [Fact]
    public void The_host_rule_reports_a_module_using_the_host() =>
        DependencyRules.NoModuleUsesTheHost(Graph(("B", ["Core", "Host"])), TwoModules, "Host").Should().Equal("B uses the host Host");

    [Fact]
    public void The_cycle_rule_reports_a_cycle_through_a_use_or_a_manifest()
    {
        DependencyRules.Cycles(Graph(("A", ["B"])), TwoModules).Should().Equal("A → B → A");
        var manifests = new Dictionary<string, IReadOnlyList<string>> { ["A"] = ["C"], ["B"] = ["A"], ["C"] = ["B"] };
        DependencyRules.Cycles(Graph(), manifests).Should().ContainSingle().Which.Should().Be("A → C → B → A");
    }
}
