namespace Portal.Core.Modules;

public sealed class ModuleLoadException(string message) : Exception(message);
