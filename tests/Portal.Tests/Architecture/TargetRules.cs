using System.Reflection;
using System.Text.RegularExpressions;
using Portal.Core.Content;

namespace Portal.Tests.Architecture;

/// <summary>The two rules issue 14 is making true: Search and Maps know no Directory name; one write path for status and audit.</summary>
public static partial class TargetRules
{
    /// <summary>Where ContentItem.Status may be set and AuditEntry rows built: the kernel's content manager and workflow.</summary>
    public static bool IsContentManagerOrWorkflow(Type type) =>
        type.Assembly.GetName().Name == PortalAssemblies.Core
        && type.Namespace is { } ns
        && (ns == "Portal.Core.Content" || ns.StartsWith("Portal.Core.Content.Workflow", StringComparison.Ordinal) || ns.StartsWith("Portal.Core.Workflow", StringComparison.Ordinal));

    /// <summary>Each place of the assembly that sets ContentItem.Status or constructs an AuditEntry outside the content manager/workflow.</summary>
    public static IReadOnlyList<string> StatusOrAuditWrites(Assembly assembly) =>
        IlScanner.Calls(assembly)
            .Where(c => IsStatusSetter(c.Callee) || c.Callee is ConstructorInfo && c.Callee.DeclaringType == typeof(AuditEntry))
            .Where(c => !IsContentManagerOrWorkflow(IlScanner.Owner(c.Caller)))
            .Select(c => $"{IlScanner.Describe(c.Caller)}: {(IsStatusSetter(c.Callee) ? "sets ContentItem.Status" : "new AuditEntry")}")
            .Distinct().Order(StringComparer.Ordinal).ToList();

    private static bool IsStatusSetter(MethodBase method) => method.DeclaringType == typeof(ContentItem) && method.Name == "set_Status";

    /// <summary>Each string literal of the assembly with a word that is one of the given names (case-sensitive, whole words).</summary>
    public static IReadOnlyList<string> LiteralsNaming(Assembly assembly, IReadOnlySet<string> names) =>
        IlScanner.Strings(assembly)
            .Select(s => (s.Method, s.Literal, Named: Words().Split(s.Literal).Where(names.Contains).Distinct().ToList()))
            .Where(s => s.Named.Count > 0 || names.Contains(s.Literal))
            .Select(s => $"{IlScanner.Describe(s.Method)}: \"{s.Literal}\" names {string.Join(", ", s.Named.DefaultIfEmpty(s.Literal))}")
            .Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Word separators; a hyphen stays inside a word, as in vocabulary names ("structure-types").</summary>
    [GeneratedRegex(@"[^\p{L}\p{N}_-]+")]
    private static partial Regex Words();

    /// <summary>Whether the assembly uses any type or member of the named assembly.</summary>
    public static bool UsesAssembly(Assembly assembly, string used) =>
        PortalAssemblies.UsedPortalAssemblies(assembly).Contains(used);
}
