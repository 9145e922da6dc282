using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Portal.Core.Security;

namespace Portal.Users.Services;

/// <summary>
/// The token of a "Forgot your password?" link: signed with its own protector (an invitation's token does not open it, nor
/// the reverse), valid two hours by the site's clock, and bound to the security stamp, so it stops working once the
/// password is changed.
/// </summary>
public sealed class ResetLinkTokenProvider(IDataProtectionProvider protection, TimeProvider clock) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string ProviderName = "ResetLink";
    public const string Purpose = "ResetPasswordByMail";
    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(2);

    private readonly IDataProtector _protector = protection.CreateProtector("Portal.Users.ResetLink");

    public async Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(clock.GetUtcNow().UtcTicks);
            writer.Write(await manager.GetUserIdAsync(user));
            writer.Write(purpose);
            writer.Write(await manager.GetSecurityStampAsync(user) ?? "");
        }
        return WebEncodeBase64(_protector.Protect(buffer.ToArray()));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(_protector.Unprotect(Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/').PadRight((token.Length + 3) / 4 * 4, '=')))));
            var created = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            return created + Lifespan >= clock.GetUtcNow()
                && reader.ReadString() == await manager.GetUserIdAsync(user)
                && reader.ReadString() == purpose
                && reader.ReadString() == (await manager.GetSecurityStampAsync(user) ?? "");
        }
        catch (Exception e) when (e is CryptographicException or FormatException or EndOfStreamException) { return false; }
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(false);

    private static string WebEncodeBase64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
