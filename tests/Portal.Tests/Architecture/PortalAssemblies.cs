using System.Reflection;
using Portal.Core.Modules;

namespace Portal.Tests.Architecture;

/// <summary>
/// The solution's assemblies as built: the kernel, the host and every module or theme (an assembly with a manifest), and
/// the Portal assemblies each one actually uses. The compiler writes an assembly reference only for an assembly whose
/// types or members the code (views included, they compile into the module) really uses, so a project reference that
/// is only transitive or unused does not show, and a transitive use does.
/// </summary>
public static class PortalAssemblies
{
    public const string Core = "Portal.Core";
    public const string Host = "Portal.Web";

    private static readonly Lazy<IReadOnlyList<Assembly>> All = new(Load);

    public static IReadOnlyList<Assembly> Loaded => All.Value;

    public static Assembly Get(string name) => Loaded.Single(a => a.GetName().Name == name);

    /// <summary>Module id → the module ids its manifest names.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Manifests() =>
        Loaded.Select(a => (Assembly: a, Manifest: a.GetCustomAttribute<ModuleAttribute>()))
            .Where(m => m.Manifest is not null && m.Assembly.GetName().Name != Core)
            .ToDictionary(m => m.Assembly.GetName().Name!, m => m.Manifest!.Dependencies);

    /// <summary>Assembly name → the other Portal assemblies it uses.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Uses() =>
        Loaded.ToDictionary(a => a.GetName().Name!, UsedPortalAssemblies);

    public static IReadOnlySet<string> UsedPortalAssemblies(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(r => r.Name!).Where(IsPortal).ToHashSet();

    private static bool IsPortal(string name) => name == Core || name == Host || name.StartsWith("Portal.", StringComparison.Ordinal) && name != "Portal.Tests";

    private static IReadOnlyList<Assembly> Load() =>
        System.IO.Directory.GetFiles(AppContext.BaseDirectory, "Portal.*.dll")
            .Select(path => AssemblyName.GetAssemblyName(path))
            .Where(n => IsPortal(n.Name!))
            .Select(Assembly.Load)
            .OrderBy(a => a.GetName().Name, StringComparer.Ordinal)
            .ToList();
}
