using System.Net.Mail;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Portal.Network.Services;

namespace Portal.Network.Models;

/// <summary>What someone types to apply for a professional account (or a member to edit their profile); kept as typed to show the form again with a message on each wrong field.</summary>
public sealed class ApplicationForm
{
    public const int MaxName = 200, MaxOrganisation = 200, MaxJobTitle = 200;

    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Organisation { get; set; }
    public string? JobTitle { get; set; }
    public string? Side { get; set; }
    public List<string> Languages { get; set; } = [];
    public List<string> Expertise { get; set; } = [];
    public List<string> PublicFields { get; set; } = [];
    public bool Consent { get; set; }

    public static ApplicationForm Read(IFormCollection form)
    {
        string? Text(string key) => form[key].ToString() is { Length: > 0 } s ? s : null;
        List<string> Many(string key) => form[key].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().ToList();
        return new ApplicationForm
        {
            Name = Text("Name"), Email = Text("Email"), Organisation = Text("Organisation"), JobTitle = Text("JobTitle"), Side = Text("Side"),
            Languages = Many("Languages"), Expertise = Many("Expertise"), PublicFields = Many("PublicFields"), Consent = form["Consent"].ToString() == "true",
        };
    }

    /// <summary>Field name → message; empty when the form can be recorded. A profile has no address or consent to check.</summary>
    public Dictionary<string, string> Validate(NetworkChoices choices, IStringLocalizer T, bool profile = false)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Name)) errors["Name"] = T["Enter your name."];
        else if (Name.Trim().Length > MaxName) errors["Name"] = T["The name is limited to {0} characters.", MaxName];
        if (!profile)
        {
            if (string.IsNullOrWhiteSpace(Email)) errors["Email"] = T["Enter your work e-mail address."];
            else if (!IsEmail(Email.Trim())) errors["Email"] = T["Enter an e-mail address such as name@example.org."];
        }
        if (string.IsNullOrWhiteSpace(Organisation)) errors["Organisation"] = T["Enter your organisation."];
        else if (Organisation.Trim().Length > MaxOrganisation) errors["Organisation"] = T["The organisation is limited to {0} characters.", MaxOrganisation];
        if (string.IsNullOrWhiteSpace(JobTitle)) errors["JobTitle"] = T["Enter your role in the organisation."];
        else if (JobTitle.Trim().Length > MaxJobTitle) errors["JobTitle"] = T["The role is limited to {0} characters.", MaxJobTitle];
        if (string.IsNullOrEmpty(Side) || choices.Sides.All(s => s.Slug != Side)) errors["Side"] = T["Choose the side of the border where you work."];
        if (Languages.Count == 0 || Languages.Any(l => choices.Languages.All(c => c.Slug != l))) errors["Languages"] = T["Choose at least one language you work in."];
        if (Expertise.Count == 0 || Expertise.Any(e => choices.Expertise.All(c => c.Slug != e))) errors["Expertise"] = T["Choose at least one field of expertise."];
        if (PublicFields.Any(f => !Data.ProfileField.All.Contains(f))) errors["PublicFields"] = T["Choose among the fields listed."];
        if (!profile && !Consent) errors["Consent"] = T["Tick the box to agree that the site keeps these details to run the network."];
        return errors;
    }

    public static bool IsEmail(string text) =>
        text.Length <= 254 && !text.Any(char.IsWhiteSpace) && MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.');
}

/// <summary>A message to a member, relayed by mail; kept as typed when it comes back with errors.</summary>
public sealed class ContactForm
{
    public const int MaxSubject = 200, MaxMessage = 3000;

    public string? Subject { get; set; }
    public string? Message { get; set; }

    public static ContactForm Read(IFormCollection form) => new()
    {
        Subject = form["Subject"].ToString() is { Length: > 0 } s ? s : null,
        Message = form["Message"].ToString() is { Length: > 0 } m ? m : null,
    };

    public Dictionary<string, string> Validate(IStringLocalizer T)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Subject)) errors["Subject"] = T["Enter a subject."];
        else if (Subject.Trim().Length > MaxSubject) errors["Subject"] = T["The subject is limited to {0} characters.", MaxSubject];
        if (string.IsNullOrWhiteSpace(Message) || Message.Trim().Length < 20) errors["Message"] = T["Write your message (at least 20 characters)."];
        else if (Message.Trim().Length > MaxMessage) errors["Message"] = T["The message is limited to {0} characters.", MaxMessage];
        return errors;
    }
}
