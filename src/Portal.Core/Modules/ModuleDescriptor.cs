using System.Reflection;

namespace Portal.Core.Modules;

public sealed record ModuleDescriptor(string Id, string Name, IReadOnlyList<string> Dependencies, Assembly Assembly, IReadOnlyList<IModuleStartup> Startups);
