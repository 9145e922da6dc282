using Portal.Core.Modules;

[assembly: Module("Portal.Moderation", "Moderation", "Portal.Contents", "Portal.Directory", "Portal.Taxonomies", "Portal.Users",
    Description = "The editorial workflow as data, the partner space, the public proposal form, the review queue with diffs, notifications and the freshness reminders.")]
