using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Portal.Events.Services;

/// <summary>The secret in a registrant's links (confirm, cancel): the registration's id, protected by the site's keys, so nothing secret is stored.</summary>
public sealed class RegistrationTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Portal.Events.Registration.v1");

    public string Create(string registrationId) => _protector.Protect(registrationId);

    public string? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 400) return null;
        try { return _protector.Unprotect(token); }
        catch (CryptographicException) { return null; }
    }
}
