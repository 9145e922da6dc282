using Portal.Core.Content;
using Portal.Events.Services;

namespace Portal.Events.Handlers;

/// <summary>
/// When an event is published as cancelled, every registrant is told once; when it is postponed or its sessions move, its
/// registrants are told once too: in the write's unit of work (the outbox), in each registrant's language.
/// </summary>
public sealed class EventCancellationHandler(RegistrationJobs jobs) : IContentHandler
{
    public async Task PublishedAsync(ContentContext context)
    {
        if (context.Item.ContentType != EventTypes.Event) return;
        var e = EventReader.Read(context.Item, context.Item.Culture);
        if (e.Status == EventStatuses.Cancelled) await jobs.NotifyCancelledAsync(e);
        else await jobs.NotifyChangedAsync(e);
    }
}
