using Portal.Core.Modules;

[assembly: Module("Portal.Outbox", "Outbox", "Portal.Users", Description = "The back-office view of outgoing mail: pending, failed, sent; resend or discard.")]
