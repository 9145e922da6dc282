using Portal.Core.Modules;

[assembly: Module("Portal.Theme", "Public theme", Description = "The public layout, styles and error pages.")]
