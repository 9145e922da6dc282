using System.Reflection;

namespace Portal.Core.Modules;

/// <summary>Finds the modules among the given assemblies and orders them so that each comes after its dependencies.</summary>
public sealed class ModuleCatalog
{
    public IReadOnlyList<ModuleDescriptor> Modules { get; }

    private ModuleCatalog(IReadOnlyList<ModuleDescriptor> modules) => Modules = modules;

    public static ModuleCatalog FromAssemblies(IEnumerable<Assembly> assemblies)
    {
        var found = new List<ModuleDescriptor>();
        foreach (var assembly in assemblies.Distinct())
        {
            var manifest = assembly.GetCustomAttribute<ModuleAttribute>();
            if (manifest is null) continue;
            var startups = assembly.GetTypes()
                .Where(t => typeof(IModuleStartup).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
                .Select(t => (IModuleStartup)Activator.CreateInstance(t)!)
                .OrderBy(s => s.Order)
                .ToList();
            found.Add(new ModuleDescriptor(manifest.Id, manifest.Name, manifest.Dependencies, assembly, startups));
        }
        return new ModuleCatalog(Order(found));
    }

    /// <summary>Loads the modules the host references, as its deps.json lists them (the compiler drops unused references).</summary>
    public static ModuleCatalog FromReferences(Assembly entry)
    {
        var assemblies = new List<Assembly> { typeof(ModuleCatalog).Assembly, entry };
        var context = Microsoft.Extensions.DependencyModel.DependencyContext.Load(entry);
        var names = context?.RuntimeLibraries.Where(l => l.Type == "project").Select(l => l.Name)
            ?? entry.GetReferencedAssemblies().Select(n => n.Name!);
        foreach (var name in names.Where(n => n.StartsWith("Portal.", StringComparison.Ordinal)))
        {
            try { assemblies.Add(Assembly.Load(new AssemblyName(name))); }
            catch (FileNotFoundException) { throw new ModuleLoadException($"The module assembly '{name}' is referenced but cannot be found."); }
        }
        return FromAssemblies(assemblies);
    }

    public static IReadOnlyList<ModuleDescriptor> Order(IReadOnlyList<ModuleDescriptor> modules)
    {
        var byId = new Dictionary<string, ModuleDescriptor>(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            if (!byId.TryAdd(module.Id, module))
                throw new ModuleLoadException($"Two modules declare the id '{module.Id}'.");
        }

        var missing = modules
            .SelectMany(m => m.Dependencies.Where(d => !byId.ContainsKey(d)).Select(d => $"'{m.Id}' depends on '{d}'"))
            .ToList();
        if (missing.Count > 0)
            throw new ModuleLoadException($"Missing module dependency: {string.Join("; ", missing)}, which is not referenced by the host.");

        var ordered = new List<ModuleDescriptor>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done
        var path = new Stack<string>();

        void Visit(ModuleDescriptor module)
        {
            if (state.TryGetValue(module.Id, out var done))
            {
                if (done) return;
                var cycle = path.Reverse().SkipWhile(id => id != module.Id).Append(module.Id);
                throw new ModuleLoadException($"Circular module dependency: {string.Join(" -> ", cycle)}.");
            }
            state[module.Id] = false;
            path.Push(module.Id);
            foreach (var dependency in module.Dependencies.OrderBy(d => d, StringComparer.Ordinal))
                Visit(byId[dependency]);
            path.Pop();
            state[module.Id] = true;
            ordered.Add(module);
        }

        // The kernel first, then the others by id so that the order is stable from one start to the next.
        foreach (var module in modules.OrderBy(m => m.Id == "Portal.Core" ? 0 : 1).ThenBy(m => m.Id, StringComparer.Ordinal))
            Visit(module);
        return ordered;
    }
}
