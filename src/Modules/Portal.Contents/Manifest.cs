using Portal.Core.Modules;

[assembly: Module("Portal.Contents", "Contents", "Portal.Users", Description = "Back-office content lists, the generic editor, versions and publishing; public item pages.")]
