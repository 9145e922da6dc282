using Portal.Core.Modules;

[assembly: Module("Portal.AdminTheme", "Back-office theme", Description = "The back office's layout and styles.")]
