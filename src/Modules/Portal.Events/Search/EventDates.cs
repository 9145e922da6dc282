using System.Globalization;
using Portal.Events.Fields;
using Portal.Events.Models;
using Portal.Search.Indexing;

namespace Portal.Events.Search;

/// <summary>Gives an event's hit its date (the first session), so that a search result says when it is.</summary>
public sealed class EventDates : ISearchIndexContributor
{
    public Task ContributeAsync(SearchIndexContext context)
    {
        if (context.Item.ContentType != EventTypes.Event) return Task.CompletedTask;
        var sessions = EventSessionsFieldType.Read(context.Item.Field(EventTypes.Part, EventTypes.Fields.Sessions));
        if (sessions.Count == 0) return Task.CompletedTask;
        var format = CultureInfo.GetCultureInfo(context.Culture);
        var first = sessions[0].Start.ToString("f", format);
        context.SetStored(EventSearch.WhenStored, sessions.Count == 1 ? first : $"{first} (+{sessions.Count - 1})");
        context.AddText(string.Join(' ', sessions.Select(s => s.Start.ToString("D", format))));
        return Task.CompletedTask;
    }
}
