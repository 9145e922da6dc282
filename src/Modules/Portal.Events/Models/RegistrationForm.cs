using System.Net.Mail;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Portal.Events.Models;

/// <summary>What a visitor types to register; kept as typed to show the form again with a message on each wrong field.</summary>
public sealed class RegistrationForm
{
    public int Session { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public int Seats { get; set; } = 1;
    public string? SeatsText { get; set; }
    public List<string> NeedTerms { get; set; } = [];
    public string? Needs { get; set; }
    public bool Consent { get; set; }

    public static RegistrationForm Read(IFormCollection form)
    {
        string? Text(string key) => form[key].ToString() is { Length: > 0 } s ? s : null;
        var seatsText = Text("Seats")?.Trim();
        return new RegistrationForm
        {
            Session = int.TryParse(Text("Session"), out var session) ? session : -1,
            Name = Text("Name"), Email = Text("Email"), Phone = Text("Phone"),
            SeatsText = seatsText, Seats = int.TryParse(seatsText, out var seats) ? seats : 0,
            NeedTerms = form["NeedTerms"].OfType<string>().Where(t => t.Length is > 0 and <= 80).Distinct().Take(20).ToList(),
            Needs = Text("Needs"), Consent = form["Consent"].ToString() == "true",
        };
    }

    /// <summary>Field name → message; empty when the form can be recorded.</summary>
    public Dictionary<string, string> Validate(IStringLocalizer T, IReadOnlyList<EventSession> openSessions, int maxSeats, IReadOnlyCollection<string> needTerms)
    {
        var errors = new Dictionary<string, string>();
        if (openSessions.All(s => s.Index != Session)) errors["Session"] = T["Choose a session that is still open."];
        if (string.IsNullOrWhiteSpace(Name)) errors["Name"] = T["Enter your name."];
        else if (Name.Trim().Length > 200) errors["Name"] = T["The name is limited to {0} characters.", 200];
        if (string.IsNullOrWhiteSpace(Email)) errors["Email"] = T["Enter your e-mail address: the confirmation link is sent there."];
        else if (!IsEmail(Email.Trim())) errors["Email"] = T["Enter an e-mail address such as name@example.org."];
        if (Phone is not null && (Phone.Trim().Length > 40 || Phone.Any(c => !(char.IsDigit(c) || " +.-()".Contains(c)))))
            errors["Phone"] = T["Enter a phone number with digits, spaces and + only, or leave it empty."];
        if (Seats < 1 || Seats > maxSeats) errors["Seats"] = T["Choose from 1 to {0} seats.", maxSeats];
        if (NeedTerms.Any(t => !needTerms.Contains(t))) errors["NeedTerms"] = T["Tick only the needs offered in the list."];
        if (Needs is { Length: > 1000 }) errors["Needs"] = T["The needs are limited to {0} characters.", 1000];
        if (!Consent) errors["Consent"] = T["Tick the box to agree that the organiser keeps these details for this event."];
        return errors;
    }

    private static bool IsEmail(string text) =>
        text.Length <= 254 && !text.Any(char.IsWhiteSpace) && MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.');
}
