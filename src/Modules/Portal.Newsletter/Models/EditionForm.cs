using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Portal.Core.Content.Fields;
using Portal.Core.Localization;
using Portal.Newsletter.Data;

namespace Portal.Newsletter.Models;

/// <summary>The composer's form: per language a title, an introduction and the picked items (Title.fr, Introduction.fr, Items.fr), and the audiences.</summary>
public sealed class EditionForm
{
    public const int MaxTitle = 200, MaxIntroduction = 4000, MaxItems = 30;

    public Dictionary<string, EditionSection> Sections { get; init; } = [];
    public List<string> Audiences { get; init; } = [];

    public static EditionForm Read(IFormCollection form, Cultures cultures) => new()
    {
        Sections = cultures.Supported.ToDictionary(c => c, c => new EditionSection
        {
            Title = form[$"Title.{c}"].ToString().Trim(),
            Introduction = form[$"Introduction.{c}"].ToString().Trim(),
            Items = form[$"Items.{c}"].Where(i => !string.IsNullOrEmpty(i) && i.Length <= 26).Select(i => i!).Distinct().ToList(),
        }),
        Audiences = NewsletterAudiences.Parse(string.Join(",", form["Audiences"].OfType<string>())).ToList(),
    };

    public Dictionary<string, string> Validate(IStringLocalizer T, Cultures cultures)
    {
        var errors = new Dictionary<string, string>();
        foreach (var (culture, section) in Sections)
        {
            var language = cultures.NameOf(culture);
            if (section.Title.Length > MaxTitle) errors[$"Title-{culture}"] = T["The title ({0}) must be at most {1} characters long.", language, MaxTitle];
            if (section.Introduction.Length > MaxIntroduction) errors[$"Introduction-{culture}"] = T["The introduction ({0}) must be at most {1} characters long.", language, MaxIntroduction];
            if (section.Items.Count > MaxItems) errors[$"Items-{culture}"] = T["Pick at most {0} items ({1}).", MaxItems, language];
        }
        if (Audiences.Count == 0) errors["Audiences"] = T["Choose at least one audience."];
        return errors;
    }
}

/// <summary>A test of an edition: to an address, in a language.</summary>
public sealed record TestForm(string Address, string Language)
{
    public static TestForm Read(IFormCollection form) => new(form["Address"].ToString().Trim(), form["Language"].ToString().Trim());

    public Dictionary<string, string> Validate(IStringLocalizer T, Cultures cultures)
    {
        var errors = new Dictionary<string, string>();
        if (!EmailFieldType.IsValid(Address)) errors["Address"] = T["Enter an e-mail address such as name@example.org."];
        if (!cultures.IsSupported(Language)) errors["Language"] = T["Choose the language of the newsletter."];
        return errors;
    }
}
