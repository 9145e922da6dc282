using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Mail;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Directory;

namespace Portal.Moderation.Services;

/// <summary>Creates accounts, links partners to their actors, and sends invitations (a signed link, valid a week, to choose a password).</summary>
public sealed class AccountService(Portal.Core.Localization.Cultures cultures, UserManager<PortalUser> users, PortalDbContext db, IMailQueue queue, PublicUrl site, TimeProvider clock, IStringLocalizer<AccountService> T)
{
    public async Task<(PortalUser? User, IReadOnlyList<string> Errors)> CreateAsync(string email, string? name, string role, string culture, IReadOnlyList<string> actorIds, string? password)
    {
        var user = new PortalUser { UserName = email, Email = email, DisplayName = name, PreferredCulture = culture, CreatedUtc = clock.GetUtcNow().UtcDateTime, EmailConfirmed = password is not null };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!created.Succeeded) return (null, created.Errors.Select(e => e.Description).ToList());
        var inRole = await users.AddToRoleAsync(user, role);
        if (!inRole.Succeeded) return (null, inRole.Errors.Select(e => e.Description).ToList());
        await SetActorsAsync(user, actorIds);
        return (user, []);
    }

    public async Task SetActorsAsync(PortalUser user, IReadOnlyList<string> actorIds)
    {
        var current = (await users.GetClaimsAsync(user)).Where(c => c.Type == PartnerScope.ClaimType).ToList();
        foreach (var claim in current.Where(c => !actorIds.Contains(c.Value))) await users.RemoveClaimAsync(user, claim);
        foreach (var id in actorIds.Where(id => current.All(c => c.Value != id))) await users.AddClaimAsync(user, new Claim(PartnerScope.ClaimType, id));
    }

    public async Task InviteAsync(PortalUser user, string? inviter)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var culture = user.PreferredCulture ?? "fr";
        var home = await users.IsInRoleAsync(user, "Partner") ? $"/{culture}/{PartnerRoutes.Segment(culture)}" : "/admin";
        var link = $"{site.Base}/admin/invitation?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}&returnUrl={Uri.EscapeDataString(home)}";
        queue.Enqueue(cultures.In(culture, () => new OutgoingMail(user.Email!, T["Your account on the directory"],
            T["Hello {0},\n\n{1} opened an account for you on the directory, to keep your organisation's entries up to date.\n\nChoose your password with this link, valid for seven days: {2}\n\nIf you did not expect this message, ignore it.", user.DisplayName ?? user.Email!, inviter ?? "", link],
            culture, user.DisplayName)));
        await db.SaveChangesAsync();
    }

    /// <summary>Actors a partner can be linked to: their version in the default culture (or their only one).</summary>
    public async Task<List<(string Id, string Title)>> ActorsAsync()
    {
        var preferred = cultures.Default;
        return (await db.ContentItems.AsNoTracking().Where(i => i.Latest && i.ContentType == DirectoryTypes.Actor).OrderBy(i => i.DisplayText)
            .Select(i => new { i.ContentItemId, i.DisplayText, i.Culture, Set = i.LocalizationSet ?? i.ContentItemId }).ToListAsync())
        .GroupBy(a => a.Set).Select(g => g.OrderBy(a => a.Culture == preferred ? 0 : 1).First()).Select(a => (a.ContentItemId, a.DisplayText)).OrderBy(a => a.DisplayText, StringComparer.CurrentCulture).ToList();
    }
}

/// <summary>
/// { "name": "DemoAccounts", "Accounts": [ { "Email": "partner1@portal.example", "Role": "Partner", "Actors": ["gr-actor-001-fr"] } ] }:
/// sample accounts for a demonstration, created only when Portal:Setup:DemoPassword is set (with that password);
/// without it, the step does nothing: no account with a known password ever exists by default.
/// </summary>
public sealed class DemoAccountsStep(IConfiguration configuration, UserManager<PortalUser> users, AccountService accounts) : IRecipeStep
{
    public string Name => "DemoAccounts";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var password = configuration["Portal:Setup:DemoPassword"];
        if (string.IsNullOrEmpty(password)) return;
        if (context.Step["Accounts"] is not JsonArray list) throw new RecipeStepException("the step needs an \"Accounts\" array.");
        foreach (var entry in list)
        {
            var email = entry?["Email"]?.GetValue<string>() ?? throw new RecipeStepException("an account has no Email.");
            var role = entry["Role"]?.GetValue<string>() ?? throw new RecipeStepException($"the account {email} has no Role.");
            var actors = entry["Actors"]?.AsArray().Select(a => a!.GetValue<string>()).ToList() ?? [];
            var culture = entry["Culture"]?.GetValue<string>() ?? "fr";
            var existing = await users.FindByEmailAsync(email);
            if (existing is not null)
            {
                await accounts.SetActorsAsync(existing, actors);
                continue;
            }
            var (_, errors) = await accounts.CreateAsync(email, entry["Name"]?.GetValue<string>(), role, culture, actors, password);
            if (errors.Count > 0) throw new RecipeStepException($"account {email}: {string.Join(" ", errors)} (Portal:Setup:DemoPassword must follow the password policy: 12 characters with upper-case, lower-case and a digit)");
        }
    }
}
