using Portal.Core.Modules;

[assembly: Module("Portal.Events", "Events", "Portal.Contents", "Portal.Taxonomies", "Portal.Search", "Portal.Directory", "Portal.Moderation", "Portal.Media",
    Description = "Workshops and events: the Event type, the agenda and its month view, calendar files and schema.org data.")]
