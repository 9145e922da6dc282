using Portal.Core.Content;
using Portal.Core.Content.Parts;
using Portal.Core.Localization;

namespace Portal.Events.Services;

/// <summary>Events live under the agenda's segment: /fr/agenda/…, /de/veranstaltungen/….</summary>
public sealed class EventRoutes(Cultures cultures) : IAutoroutePrefix
{
    public string? PrefixFor(ContentItem item) =>
        item.ContentType == EventTypes.Event
            ? EventsRouteTable.Table.Segment(EventsRouteTable.Agenda, string.IsNullOrEmpty(item.Culture) ? cultures.Default : item.Culture)
            : null;
}
