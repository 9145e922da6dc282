using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Portal.Core.Content.Fields;
using Portal.Core.Localization;
using Portal.Newsletter.Data;

namespace Portal.Newsletter.Models;

/// <summary>The sign-up (footer, home, sign-up page) and the preferences form: e-mail, language, audiences.</summary>
public sealed class SignUpForm
{
    public string Email { get; set; } = "";
    public string Language { get; set; } = "";
    public List<string> Audiences { get; set; } = [];

    public static SignUpForm Read(IFormCollection form) => new()
    {
        Email = form["Email"].ToString().Trim(),
        Language = form["Language"].ToString().Trim(),
        Audiences = form["Audiences"].Where(a => a is not null).Select(a => a!).ToList(),
    };

    /// <summary>Per-field messages (field name → message); <paramref name="withEmail"/> is false on the preferences page.</summary>
    public Dictionary<string, string> Validate(IStringLocalizer T, Cultures cultures, bool withEmail = true)
    {
        var errors = new Dictionary<string, string>();
        if (withEmail)
        {
            if (Email.Length == 0) errors["Email"] = T["Enter your e-mail address."];
            else if (!EmailFieldType.IsValid(Email)) errors["Email"] = T["Enter an e-mail address such as name@example.org."];
        }
        if (!cultures.IsSupported(Language)) errors["Language"] = T["Choose the language of the newsletter."];
        if (NewsletterAudiences.Parse(string.Join(",", Audiences)).Count == 0) errors["Audiences"] = T["Choose at least one audience."];
        return errors;
    }
}
