using Portal.Core.Modules;

namespace Portal.Tests.Kernel;

public sealed class ModuleCatalogTests
{
    private static ModuleDescriptor Module(string id, params string[] dependencies) =>
        new(id, id, dependencies, typeof(ModuleCatalogTests).Assembly, []);

    [Fact]
    public void Modules_start_after_their_dependencies()
    {
        var ordered = ModuleCatalog.Order([Module("Directory", "Taxonomies", "Maps"), Module("Maps"), Module("Taxonomies"), Module("Portal.Core")]);

        var ids = ordered.Select(m => m.Id).ToList();
        ids[0].Should().Be("Portal.Core");
        ids.IndexOf("Directory").Should().BeGreaterThan(ids.IndexOf("Taxonomies")).And.BeGreaterThan(ids.IndexOf("Maps"));
    }

    [Fact]
    public void A_missing_dependency_stops_start_up_naming_both_modules()
    {
        var act = () => ModuleCatalog.Order([Module("Directory", "Taxonomies")]);

        act.Should().Throw<ModuleLoadException>().WithMessage("*'Directory' depends on 'Taxonomies'*");
    }

    [Fact]
    public void A_circular_dependency_stops_start_up_naming_the_cycle()
    {
        var act = () => ModuleCatalog.Order([Module("A", "B"), Module("B", "C"), Module("C", "A")]);

        act.Should().Throw<ModuleLoadException>().WithMessage("*Circular*A -> B -> C -> A*");
    }

    [Fact]
    public void The_host_discovers_every_module_it_references()
    {
        var catalog = ModuleCatalog.FromReferences(typeof(Program).Assembly);

        catalog.Modules.Select(m => m.Id).Should().Contain(["Portal.Core", "Portal.Users", "Portal.Contents", "Portal.Theme", "Portal.AdminTheme"]);
        catalog.Modules.Select(m => m.Id).ToList().IndexOf("Portal.Contents").Should().BeGreaterThan(catalog.Modules.Select(m => m.Id).ToList().IndexOf("Portal.Users"));
    }
}
