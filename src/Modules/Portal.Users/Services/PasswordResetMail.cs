using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Mail;
using Portal.Core.Security;

namespace Portal.Users.Services;

/// <summary>The message of "Forgot your password?": a link, valid two hours and good for one change, in the account's language.</summary>
public sealed class PasswordResetMail(UserManager<PortalUser> users, PortalDbContext db, IMailQueue queue, PublicUrl site, Portal.Core.Localization.Cultures cultures, IStringLocalizer<PasswordResetMail> T)
{
    /// <param name="publicSite">Asked on the public site (a partner): the link opens the public page, in the account's language.</param>
    public async Task SendAsync(PortalUser user, bool publicSite = false)
    {
        var token = await users.GenerateUserTokenAsync(user, ResetLinkTokenProvider.ProviderName, ResetLinkTokenProvider.Purpose);
        var culture = cultures.OrDefault(user.PreferredCulture);
        var page = publicSite ? UsersRoutes.Table.Path(UsersRoutes.ResetPassword, culture) : "/admin/password/reset";
        var link = $"{site.Base}{page}?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        queue.Enqueue(cultures.In(culture, () => new OutgoingMail(user.Email!, T["Choose a new password"],
            T["Hello,\n\nSomeone, probably you, asked to choose a new password for your account {0} on the directory.\n\nChoose it with this link, valid for two hours and for one change: {1}\n\nIf you did not ask for it, ignore this message: your password stays the same.", user.Email!, link],
            culture, user.DisplayName)));
        await db.SaveChangesAsync();
    }
}
