using Microsoft.Extensions.Options;
using Portal.Events.Models;
using Portal.Events.ViewModels;

namespace Portal.Events.Services;

/// <summary>Builds the registration block of an event page.</summary>
public sealed class RegistrationPanels(Agenda agenda, EventPresenter presenter, EventRegistrations registrations, IOptions<EventsOptions> options)
{
    public const string AccessibilityVocabulary = "accessibility";

    public async Task<IReadOnlyList<(string Slug, string Label)>> NeedOptionsAsync(string culture) => await presenter.TermsAsync(AccessibilityVocabulary, culture);

    public async Task<RegistrationPanelViewModel> BuildAsync(EventDetails e, string culture, RegistrationForm? form = null, IReadOnlyDictionary<string, string>? errors = null)
    {
        var now = agenda.Now;
        var open = RegistrationWindow.OpenSessions(e, now);
        return new RegistrationPanelViewModel
        {
            Event = e, Action = $"/{culture}/{e.Item.Path}/{EventsRouteTable.Table.Segment(EventsRouteTable.Registration, culture)}",
            State = RegistrationWindow.StateOf(e, now), OpenSessions = open,
            Form = form ?? new RegistrationForm { Session = open.FirstOrDefault()?.Index ?? 0 },
            Errors = errors ?? new Dictionary<string, string>(),
            NeedOptions = await NeedOptionsAsync(culture),
            Counts = e.Capacity is null ? new Dictionary<int, (int, int)>() : await registrations.CountsAsync(EventRegistrations.KeyOf(e.Item)),
            MaxSeats = Math.Max(1, Math.Min(options.Value.MaxSeats, e.Capacity ?? 1)),
        };
    }
}
