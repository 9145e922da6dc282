using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;
using Portal.Core.Mail;
using Portal.Events.Data;
using Portal.Events.Models;

namespace Portal.Events.Services;

/// <summary>The messages to registrants, in their language, each with the link to their registration (to confirm or cancel it).</summary>
public sealed class RegistrationMails(IMailQueue queue, RegistrationTokens tokens, PublicUrl site, Portal.Core.Localization.Cultures cultures, IStringLocalizer<RegistrationMails> T)
{
    public string LinkOf(Registration registration) =>
        site.For($"{Controllers.RegistrationController.PathOf(registration.Culture)}/{Uri.EscapeDataString(tokens.Create(registration.Id))}");

    private void Send(Registration r, Func<string> subject, Func<string> body) =>
        queue.Enqueue(cultures.In(r.Culture, () => new OutgoingMail(r.Email,
            subject(), body() + "\n\n" + T["Your registration, to confirm or cancel it: {0}", LinkOf(r)], r.Culture, r.Name)));

    private static string When(Registration r) => SessionText(r.SessionStartUtc, r.Culture);

    public static string SessionText(DateTime startUtc, string culture)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(startUtc, TimeZoneInfo.FindSystemTimeZoneById(EventTypes.TimeZone));
        return local.ToString("f", System.Globalization.CultureInfo.GetCultureInfo(culture));
    }

    public void ConfirmationLink(Registration r, EventDetails e, int hours) => Send(r,
        () => T["Confirm your registration: {0}", e.Title],
        () => T["Hello {0},\n\nYou asked to register for \"{1}\" on {2} ({3} seat(s)). Your seat counts only once you confirm with the link below, within {4} hours.\n\nIf you did not ask for it, ignore this message: the registration will lapse.", r.Name, e.Title, When(r), r.Seats, hours]);

    public void Confirmed(Registration r, EventDetails e, string? onlineLink) => Send(r,
        () => T["Registration confirmed: {0}", e.Title],
        () => T["Hello {0},\n\nYour registration for \"{1}\" on {2} is confirmed ({3} seat(s)).", r.Name, e.Title, When(r), r.Seats] + Place(e, onlineLink));

    public void Waiting(Registration r, EventDetails e) => Send(r,
        () => T["On the waiting list: {0}", e.Title],
        () => T["Hello {0},\n\n\"{1}\" on {2} is full: you are on the waiting list. We will write to you as soon as a seat is free.", r.Name, e.Title, When(r)]);

    public void Promoted(Registration r, EventDetails e, string? onlineLink) => Send(r,
        () => T["A seat is free for you: {0}", e.Title],
        () => T["Hello {0},\n\nA seat became free: your registration for \"{1}\" on {2} is now confirmed ({3} seat(s)).", r.Name, e.Title, When(r), r.Seats] + Place(e, onlineLink));

    public void Cancelled(Registration r, EventDetails e) => Send(r,
        () => T["Registration cancelled: {0}", e.Title],
        () => T["Hello {0},\n\nYour registration for \"{1}\" on {2} is cancelled.", r.Name, e.Title, When(r)]);

    public void Reminder(Registration r, EventDetails e, string? onlineLink) => Send(r,
        () => T["Reminder: {0}", e.Title],
        () => T["Hello {0},\n\nA reminder: \"{1}\" takes place on {2}. You registered for {3} seat(s).", r.Name, e.Title, When(r), r.Seats] + Place(e, onlineLink));

    public void EventCancelled(Registration r, EventDetails e) => Send(r,
        () => T["Event cancelled: {0}", e.Title],
        () => T["Hello {0},\n\nThe organiser has cancelled \"{1}\" on {2}. We are sorry. Your registration is closed.", r.Name, e.Title, When(r)]);

    public void Postponed(Registration r, EventDetails e) => Send(r,
        () => T["Event postponed: {0}", e.Title],
        () => T["Hello {0},\n\nThe organiser has postponed \"{1}\", planned on {2}. Your registration is kept: we will write to you as soon as the new date is set. If you no longer wish to come, cancel it with the link below.", r.Name, e.Title, When(r)]);

    /// <summary>The session moved (new dates, or on again after a postponement): <paramref name="before"/> is the start the registrant knew.</summary>
    public void Moved(Registration r, EventDetails e, DateTime before, string? onlineLink) => Send(r,
        () => T["New date: {0}", e.Title],
        () => T["Hello {0},\n\n\"{1}\", planned on {2}, now takes place on {3}. Your registration is kept ({4} seat(s)). If you cannot come on the new date, cancel it with the link below.", r.Name, e.Title, SessionText(before, r.Culture), When(r), r.Seats] + Place(e, onlineLink));

    /// <summary>The organiser's own words to the registrants, framed in each registrant's language.</summary>
    public void FromOrganiser(Registration r, EventDetails e, string subject, string message) => Send(r,
        () => T["{0}: {1}", e.Title, subject],
        () => T["Hello {0},\n\nThe organiser of \"{1}\" on {2} writes to you:", r.Name, e.Title, When(r)] + "\n\n" + message);

    private string Place(EventDetails e, string? onlineLink) =>
        "\n\n" + (e.Online
            ? onlineLink is null ? T["The organiser will send the link to join."].Value : T["Link to join: {0}", onlineLink].Value
            : T["Place: {0}", e.Address ?? e.Commune ?? "?"].Value);
}
