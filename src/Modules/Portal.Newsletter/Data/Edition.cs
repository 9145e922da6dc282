namespace Portal.Newsletter.Data;

public static class EditionStatus
{
    public const string Draft = "draft";
    /// <summary>Handed to the sender: deliveries are being queued in batches; published in the archive from then on.</summary>
    public const string Sending = "sending";
    public const string Sent = "sent";
}

/// <summary>A newsletter edition: a title, an introduction and picked content per language (<see cref="EditionSection"/>), for some audiences.</summary>
public sealed class Edition
{
    public string Id { get; set; } = "";
    public string Status { get; set; } = EditionStatus.Draft;
    public string Audiences { get; set; } = NewsletterAudiences.Join(NewsletterAudiences.All);
    /// <summary>JSON: culture → <see cref="EditionSection"/>.</summary>
    public string Sections { get; set; } = "{}";
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public DateTime? SendStartedUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    public int Recipients { get; set; }
}

/// <summary>One language's edition: what subscribers of that language receive.</summary>
public sealed class EditionSection
{
    public string Title { get; set; } = "";
    public string Introduction { get; set; } = "";
    /// <summary>Ids of published news, events and resources of that language, in the order shown.</summary>
    public List<string> Items { get; set; } = [];
}

public static class DeliveryStatus
{
    public const string Pending = "pending";
    /// <summary>Its mail is in the outbox (<see cref="Delivery.MailTaskId"/>): sent, failed or waiting there.</summary>
    public const string Queued = "queued";
    /// <summary>The subscriber left before their turn: nothing sent.</summary>
    public const string Skipped = "skipped";
}

/// <summary>One recipient of one edition: the send record that makes sending resumable and never twice.</summary>
public sealed class Delivery
{
    public long Id { get; set; }
    public string EditionId { get; set; } = "";
    public string SubscriberId { get; set; } = "";
    public string Status { get; set; } = DeliveryStatus.Pending;
    public long? MailTaskId { get; set; }
    public DateTime? QueuedUtc { get; set; }
}
