using Portal.Newsletter.Data;
using Portal.Newsletter.Services;

namespace Portal.Newsletter.Models;

/// <summary>The sign-up fields (footer, home, sign-up page) or the preferences fields, with their messages.</summary>
public sealed record SignUpFormViewModel(string Prefix, string Action, SignUpForm Form, IReadOnlyDictionary<string, string> Errors)
{
    public bool WithEmail { get; init; } = true;
    /// <summary>False in the footer and on the home page: those pages carry no token (they stay cacheable); the next step has it.</summary>
    public bool Antiforgery { get; init; } = true;
    public string? Heading { get; init; }

    public string? Error(string field) => Errors.GetValueOrDefault(field);
    public string Id(string field) => $"{Prefix}-{field}";
    public string? Invalid(string field) => Errors.ContainsKey(field) ? "true" : null;
    public string? Described(string field, string? hint = null) =>
        string.Join(' ', new[] { hint, Errors.ContainsKey(field) ? Id(field) + "-error" : null }.Where(s => s is not null)) is { Length: > 0 } d ? d : null;
}

public sealed record SignUpPageViewModel(SignUpFormViewModel Form, bool Review);

public sealed record ArchiveViewModel(string Culture, IReadOnlyList<(Edition Edition, EditionSection Section)> Editions, SignUpFormViewModel SignUp);

public sealed record EditionPageViewModel(EditionView View, DateTime? SentUtc);

public sealed record TokenPageViewModel(string Action, string? Email = null);

public sealed record PreferencesViewModel(string Token, SignUpFormViewModel Form, string UnsubscribeAction, bool Saved);
