using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Portal.Core.Security;

namespace Portal.Users.Services;

/// <summary>The password policy's complaints, in the reader's language, for the field they concern.</summary>
public static class PasswordRules
{
    /// <summary>What is wrong with this new password for this account; empty when the policy accepts it.</summary>
    public static async Task<string?> ProblemsAsync(UserManager<PortalUser> users, PortalUser user, string password, IStringLocalizer T)
    {
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
            problems.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(e => Describe(e, users.Options.Password.RequiredLength, T)));
        return problems.Count == 0 ? null : string.Join(" ", problems);
    }

    public static string Describe(IdentityError error, int requiredLength, IStringLocalizer T) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => T["At least {0} characters.", requiredLength],
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => T["Add an upper-case letter."],
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => T["Add a lower-case letter."],
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => T["Add a digit."],
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => T["Add a character that is neither a letter nor a digit."],
        _ => T[error.Description],
    };
}
