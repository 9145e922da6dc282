namespace Portal.Tests.Architecture;

/// <summary>
/// The dependency rules, as pure functions of who uses whom (assembly → Portal assemblies it uses) and of the manifests
/// (module → modules it names), so that a test can feed them a broken graph and see them fail.
/// </summary>
public static class DependencyRules
{
    /// <summary>The kernel uses no module and not the host.</summary>
    public static IReadOnlyList<string> KernelUsesNoModule(IReadOnlyDictionary<string, IReadOnlySet<string>> uses, IReadOnlyDictionary<string, IReadOnlyList<string>> manifests, string core, string host) =>
        uses.TryGetValue(core, out var used)
            ? used.Where(u => u == host || manifests.ContainsKey(u)).Order(StringComparer.Ordinal).Select(u => $"{core} uses {u}").ToList()
            : [];

    /// <summary>A module uses only the kernel and the modules its manifest names.</summary>
    public static IReadOnlyList<string> ModulesUseOnlyWhatTheyName(IReadOnlyDictionary<string, IReadOnlySet<string>> uses, IReadOnlyDictionary<string, IReadOnlyList<string>> manifests, string core) =>
        manifests.OrderBy(m => m.Key, StringComparer.Ordinal)
            .SelectMany(m => (uses.TryGetValue(m.Key, out var used) ? used : new HashSet<string>())
                .Where(u => u != core && !m.Value.Contains(u))
                .Order(StringComparer.Ordinal)
                .Select(u => $"{m.Key} uses {u} without naming it in its manifest"))
            .ToList();

    /// <summary>No module uses the host.</summary>
    public static IReadOnlyList<string> NoModuleUsesTheHost(IReadOnlyDictionary<string, IReadOnlySet<string>> uses, IReadOnlyDictionary<string, IReadOnlyList<string>> manifests, string host) =>
        manifests.Keys.Order(StringComparer.Ordinal)
            .Where(m => uses.TryGetValue(m, out var used) && used.Contains(host))
            .Select(m => $"{m} uses the host {host}")
            .ToList();

    /// <summary>No cycle among modules, through what they name or what they use: each cycle found, as "A → B → A".</summary>
    public static IReadOnlyList<string> Cycles(IReadOnlyDictionary<string, IReadOnlySet<string>> uses, IReadOnlyDictionary<string, IReadOnlyList<string>> manifests)
    {
        var edges = manifests.Keys.ToDictionary(m => m, m => manifests[m]
            .Concat(uses.TryGetValue(m, out var used) ? used : [])
            .Where(manifests.ContainsKey).Distinct().Order(StringComparer.Ordinal).ToList());
        var cycles = new List<string>();
        var done = new HashSet<string>();
        var path = new List<string>();
        void Visit(string node)
        {
            var at = path.IndexOf(node);
            if (at >= 0) { cycles.Add(string.Join(" → ", path.Skip(at).Append(node))); return; }
            if (!done.Add(node)) return;
            path.Add(node);
            foreach (var next in edges[node]) Visit(next);
            path.RemoveAt(path.Count - 1);
        }
        foreach (var module in edges.Keys.Order(StringComparer.Ordinal)) Visit(module);
        return cycles;
    }
}
