using Portal.Network.Data;
using Portal.Network.Models;
using Portal.Network.Services;

namespace Portal.Network;

/// <summary>Per-field errors of a form: the message, the ids that describe an input, aria-invalid.</summary>
public abstract record FormErrors(IReadOnlyDictionary<string, string> Errors)
{
    public string? Error(string field) => Errors.TryGetValue(field, out var message) ? message : null;
    public string? Described(string field, string? hint = null) =>
        string.Join(' ', new[] { hint, Error(field) is null ? null : $"net-{field}-error" }.Where(s => s is not null)) is { Length: > 0 } ids ? ids : null;
    public string? Invalid(string field) => Error(field) is null ? null : "true";
}

public sealed record ApplicationViewModel(ApplicationForm Form, NetworkChoices Choices, IReadOnlyList<Organisations.Organisation> Organisations,
    IReadOnlyDictionary<string, string> Errors, string ActionUrl, bool Profile, string? Notice = null) : FormErrors(Errors);

public sealed record DirectoryViewModel(IReadOnlyList<MemberCard> Members, NetworkChoices Choices, MemberQuery Query, bool IsMember, bool IsSignedIn, bool IsPartner);

public sealed record ContactViewModel(MemberCard Recipient, ContactForm Form, IReadOnlyDictionary<string, string> Errors, string ActionUrl, bool LimitReached) : FormErrors(Errors);

public sealed record InviteViewModel(string? Name, string? Email, string Organisation, IReadOnlyDictionary<string, string> Errors, string ActionUrl, bool Sent) : FormErrors(Errors);

public sealed record ApplicationsAdminViewModel(IReadOnlyList<Professional> Pending, IReadOnlyList<Professional> Recent, string? Message, NetworkChoices Choices);
