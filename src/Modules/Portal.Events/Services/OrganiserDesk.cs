using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Localization;
using Portal.Events.Data;
using Portal.Events.Models;
using Portal.Events.ViewModels;

namespace Portal.Events.Services;

/// <summary>
/// What an organiser does on an event's list of registrants, in the partner space or the back office (the caller checks
/// who may): add someone who signed up by phone or in person, remove a registrant, write to the registrants of a session.
/// Every mail goes through the outbox, in each registrant's language.
/// </summary>
public sealed class OrganiserDesk(OrganiserRegistrants organiser, EventRegistrations registrations, RegistrationMails mails, RegistrationPanels panels,
    Cultures cultures, TimeProvider clock, IOptions<EventsOptions> options, IStringLocalizer<OrganiserDesk> T)
{
    public async Task<RegistrantsViewModel> BuildAsync(EventDetails e, string baseUrl, string backUrl, string backLabel, string? notice = null,
        OrganiserAddForm? add = null, OrganiserMessageForm? message = null) => new(e, await organiser.RegistrationsAsync(e), $"{baseUrl}/registrants.csv", backUrl, backLabel)
    {
        CloseUrl = $"{baseUrl}/close-registration",
        ActionsUrl = baseUrl,
        XlsxUrl = $"{baseUrl}/registrants.xlsx",
        Registration = RegistrationWindow.StateOf(e, EventSession.LocalNow(clock)),
        OpenSessions = RegistrationWindow.OpenSessions(e, EventSession.LocalNow(clock)),
        Languages = cultures.All.Select(c => (c.Code, c.Name)).ToList(),
        NeedOptions = await panels.NeedOptionsAsync(e.Culture),
        MaxSeats = Math.Max(1, Math.Min(options.Value.MaxSeats, e.Capacity ?? 1)),
        Add = add ?? new OrganiserAddForm { Culture = e.Culture, Form = new RegistrationForm { Session = RegistrationWindow.OpenSessions(e, EventSession.LocalNow(clock)).FirstOrDefault()?.Index ?? -1 } },
        Message = message ?? new OrganiserMessageForm(),
        Notice = notice,
    };

    /// <summary>Reads the "add a registrant" form; on success the person has a seat (or a place on the waiting list) and a mail.</summary>
    public async Task<(OrganiserAddForm Form, string? Status)> AddAsync(EventDetails e, IFormCollection posted)
    {
        var form = RegistrationForm.Read(posted);
        var culture = posted["Culture"].ToString();
        var add = new OrganiserAddForm { Form = form, Culture = cultures.IsSupported(culture) ? culture : e.Culture };
        var now = EventSession.LocalNow(clock);
        var errors = e.Capacity is null or <= 0 || e.Status is EventStatuses.Cancelled
            ? new Dictionary<string, string> { ["Session"] = T["This event takes no registration."] }
            : form.Validate(T, RegistrationWindow.OpenSessions(e, now), Math.Max(1, Math.Min(options.Value.MaxSeats, e.Capacity ?? 1)),
                (await panels.NeedOptionsAsync(e.Culture)).Select(o => o.Slug).ToHashSet());
        // The form's messages speak to the organiser about the person, not to the person.
        if (errors.ContainsKey("Name") && string.IsNullOrWhiteSpace(form.Name)) errors["Name"] = T["Enter the person's name."];
        if (errors.ContainsKey("Email") && string.IsNullOrWhiteSpace(form.Email)) errors["Email"] = T["Enter the person's e-mail address: the mails about the registration go there."];
        if (errors.Remove("Consent")) errors["Consent"] = T["Tick the box once the person has agreed that you keep these details for this event."];
        if (!cultures.IsSupported(culture)) errors["Culture"] = T["Choose the language the person reads."];
        if (errors.Count > 0) return (add with { Errors = errors }, null);
        return (add, await registrations.AddByOrganiserAsync(e, e.Sessions.Single(s => s.Index == form.Session), form, add.Culture));
    }

    /// <summary>Removes a registration of this event (another event's registration is not found); the waiting list moves up.</summary>
    public async Task<bool> RemoveAsync(EventDetails e, string registrationId)
    {
        var registration = await registrations.FindAsync(registrationId);
        if (registration is null || registration.EventKey != EventRegistrations.KeyOf(e.Item)) return false;
        return await registrations.CancelAsync(registrationId, e);
    }

    /// <summary>Writes to the confirmed and waiting registrants of one session (or of all); returns the form with its errors, or the number of mails.</summary>
    public async Task<(OrganiserMessageForm Form, int? Sent)> MessageAsync(EventDetails e, IFormCollection posted)
    {
        var form = new OrganiserMessageForm
        {
            Session = int.TryParse(posted["Session"].ToString(), out var session) ? session : -1,
            Subject = posted["Subject"].ToString().Trim(),
            Body = posted["Body"].ToString().Trim(),
        };
        var errors = new Dictionary<string, string>();
        if (form.Session != -1 && e.Sessions.All(s => s.Index != form.Session)) errors["Session"] = T["Choose a session of this event, or all."];
        if (form.Subject.Length == 0) errors["Subject"] = T["Enter a subject."];
        else if (form.Subject.Length > 150) errors["Subject"] = T["The subject is limited to {0} characters.", 150];
        if (form.Body.Length == 0) errors["Body"] = T["Enter the message."];
        else if (form.Body.Length > 5000) errors["Body"] = T["The message is limited to {0} characters.", 5000];
        if (errors.Count > 0) return (form with { Errors = errors }, null);
        var recipients = (await organiser.RegistrationsAsync(e))
            .Where(r => r.Status is RegistrationStatus.Confirmed or RegistrationStatus.Waiting && (form.Session == -1 || r.SessionIndex == form.Session)).ToList();
        return (form, await registrations.MailAllAsync(recipients, r => mails.FromOrganiser(r, e, form.Subject, form.Body)));
    }

    public string AddedNotice(string status, string name) => status switch
    {
        RegistrationStatus.Confirmed => T["{0} is registered; a mail confirms it to them.", name],
        _ => T["The session is full: {0} is on the waiting list, and told so by mail.", name],
    };

    public string SentNotice(int count) => T["Message sent to {0} registrant(s).", count];

    public string RemovedNotice() => T["The registration is cancelled; the registrant is told by mail."];
}
