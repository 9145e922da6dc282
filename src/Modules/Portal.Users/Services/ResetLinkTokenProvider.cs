using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Security;

namespace Portal.Users.Services;

/// <summary>The lifespan of the links of "Forgot your password?": two hours, much shorter than an invitation's week.</summary>
public sealed class ResetLinkTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public ResetLinkTokenProviderOptions()
    {
        Name = ResetLinkTokenProvider.ProviderName;
        TokenLifespan = TimeSpan.FromHours(2);
    }
}

/// <summary>
/// Signs the token of a password-reset link with its own protector (an invitation's token does not open it, nor the
/// reverse); like every Identity token it embeds the security stamp, so it stops working once the password is changed.
/// </summary>
public sealed class ResetLinkTokenProvider(IDataProtectionProvider protection, IOptions<ResetLinkTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<PortalUser>> logger)
    : DataProtectorTokenProvider<PortalUser>(protection, options, logger)
{
    public const string ProviderName = "ResetLink";
    public const string Purpose = "ResetPasswordByMail";
}
