using Portal.Core.Modules;

[assembly: Module("Portal.Users", "Users", Description = "Sign-in, roles and permissions.")]
