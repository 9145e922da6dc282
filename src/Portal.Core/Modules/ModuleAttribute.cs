namespace Portal.Core.Modules;

/// <summary>The manifest of a module: put once on its assembly, in Manifest.cs.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ModuleAttribute(string id, string name, params string[] dependencies) : Attribute
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public IReadOnlyList<string> Dependencies { get; } = dependencies;
    public string Description { get; init; } = "";
}
