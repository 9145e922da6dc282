using Portal.Core.Modules;

[assembly: Module("Portal.Knowledge", "Knowledge", "Portal.Contents", "Portal.Moderation", "Portal.Search", "Portal.Taxonomies",
    Description = "Knowledge to share: inspiring projects to replicate (with a moderated request to their holder), the cross-border guide to care on each side of the border and its glossary.")]
