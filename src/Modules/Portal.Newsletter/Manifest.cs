using Portal.Core.Modules;

[assembly: Module("Portal.Newsletter", "Newsletter and campaign", "Portal.Contents", "Portal.Media",
    Description = "The communication campaign: a newsletter with double opt-in, one-click unsubscribe and editions sent in batches through the outbox, its public archive, and campaign landing pages with a communication kit.")]
