using Portal.Core.Modules;

[assembly: Module("Portal.Core", "Kernel", Description = "Modules, content model, content manager, recipes, data, background tasks.")]
