using Portal.Core.Modules;

[assembly: Module("Portal.Network", "Network", "Portal.Contents", "Portal.Directory", "Portal.Moderation", "Portal.Taxonomies",
    Description = "The professionals' network: moderated professional accounts, professional-only details on directory entries, and the expert directory with a relayed contact form.")]
