using System.Net.Mail;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Portal.Knowledge.Models;

/// <summary>What a professional types to ask to replicate a project; kept as typed to show the form again with a message on each wrong field.</summary>
public sealed class ReplicationForm
{
    public const int MaxName = 200, MaxOrganisation = 200, MaxMessage = 3000;

    public string? Name { get; set; }
    public string? Organisation { get; set; }
    public string? Email { get; set; }
    public string? Message { get; set; }
    public bool Consent { get; set; }

    public static ReplicationForm Read(IFormCollection form)
    {
        string? Text(string key) => form[key].ToString() is { Length: > 0 } s ? s : null;
        return new ReplicationForm
        {
            Name = Text("Name"), Organisation = Text("Organisation"), Email = Text("Email"), Message = Text("Message"),
            Consent = form["Consent"].ToString() == "true",
        };
    }

    /// <summary>Field name → message; empty when the request can be recorded.</summary>
    public Dictionary<string, string> Validate(IStringLocalizer T)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Name)) errors["Name"] = T["Enter your name."];
        else if (Name.Trim().Length > MaxName) errors["Name"] = T["The name is limited to {0} characters.", MaxName];
        if (string.IsNullOrWhiteSpace(Organisation)) errors["Organisation"] = T["Enter your organisation: the project holder wants to know who asks."];
        else if (Organisation.Trim().Length > MaxOrganisation) errors["Organisation"] = T["The organisation is limited to {0} characters.", MaxOrganisation];
        if (string.IsNullOrWhiteSpace(Email)) errors["Email"] = T["Enter your e-mail address: the project holder answers there."];
        else if (!IsEmail(Email.Trim())) errors["Email"] = T["Enter an e-mail address such as name@example.org."];
        if (string.IsNullOrWhiteSpace(Message) || Message.Trim().Length < 20) errors["Message"] = T["Say in a few sentences what you would like to replicate and where (at least 20 characters)."];
        else if (Message.Trim().Length > MaxMessage) errors["Message"] = T["The message is limited to {0} characters.", MaxMessage];
        if (!Consent) errors["Consent"] = T["Tick the box to agree that your request and your address are passed on to the project holder."];
        return errors;
    }

    private static bool IsEmail(string text) =>
        text.Length <= 254 && !text.Any(char.IsWhiteSpace) && MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.');
}
