using System.Net.Mail;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Localization;
using Portal.Core.Security;
using Portal.Moderation.Services;

namespace Portal.Moderation.Controllers;

/// <summary>/admin/users: the accounts with their roles and organisations; inviting someone; changing an account's roles and links.</summary>
[RequirePermission(Portal.Users.Permissions.ManageUsers)]
public sealed class AccountsController(Portal.Core.Localization.Cultures cultures, 
    PortalDbContext db, UserManager<PortalUser> users, SignInManager<PortalUser> signIn, RoleManager<IdentityRole> roles, AccountService accounts, IStringLocalizer<AccountsController> T) : Controller
{
    public sealed record AccountRow(PortalUser User, IList<string> Roles, int Actors, bool Invited);

    public sealed class AccountFormModel
    {
        public string? Id { get; set; }
        public string? Email { get; set; }
        public string? Name { get; set; }
        public string Culture { get; set; } = "fr";
        public List<string> Roles { get; set; } = [];
        public List<string> Actors { get; set; } = [];
        public IReadOnlyList<string> AllRoles { get; set; } = [];
        public IReadOnlyList<(string Id, string Title)> AllActors { get; set; } = [];
        public Dictionary<string, string> Errors { get; } = [];
    }

    [HttpGet("/admin/users")]
    public async Task<IActionResult> Index()
    {
        var rows = new List<AccountRow>();
        foreach (var user in await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync())
        {
            var actorCount = await db.UserClaims.CountAsync(c => c.UserId == user.Id && c.ClaimType == PartnerScope.ClaimType);
            rows.Add(new AccountRow(user, await users.GetRolesAsync(user), actorCount, user.PasswordHash is null));
        }
        ViewData["Notice"] = TempData["Notice"];
        return View("Index", rows);
    }

    private async Task<AccountFormModel> FormAsync(AccountFormModel model)
    {
        model.AllRoles = await roles.Roles.Select(r => r.Name!).OrderBy(r => r).ToListAsync();
        model.AllActors = await accounts.ActorsAsync();
        return model;
    }

    [HttpGet("/admin/users/invite")]
    public async Task<IActionResult> Invite() => View("Form", await FormAsync(new AccountFormModel { Roles = ["Partner"] }));

    [HttpPost("/admin/users/invite"), ValidateAntiForgeryToken]
    public async Task<IActionResult> InvitePost([FromForm] AccountFormModel model)
    {
        model.Email = model.Email?.Trim();
        var allRoles = await roles.Roles.Select(r => r.Name!).ToListAsync();
        if (string.IsNullOrEmpty(model.Email) || !MailAddress.TryCreate(model.Email, out _)) model.Errors["Email"] = T["Enter the person's e-mail address."];
        else if (await users.FindByEmailAsync(model.Email) is not null) model.Errors["Email"] = T["An account with this address exists already."];
        if (model.Roles.Count != 1 || !allRoles.Contains(model.Roles[0])) model.Errors["Roles"] = T["Choose one role."];
        if (model.Name?.Length > 100) model.Errors["Name"] = T["The name is too long (at most 100 characters)."];
        if (!cultures.IsSupported(model.Culture)) model.Errors["Culture"] = T["Choose French or German."];
        var known = (await accounts.ActorsAsync()).Select(a => a.Id).ToHashSet();
        model.Actors = model.Actors.Where(known.Contains).ToList();
        if (model.Roles is ["Partner"] && model.Actors.Count == 0) model.Errors["Actors"] = T["Link a partner to at least one organisation."];
        if (model.Errors.Count == 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var (user, errors) = await accounts.CreateAsync(model.Email!, model.Name?.Trim(), model.Roles[0], model.Culture, model.Actors, password: null);
            if (user is not null)
            {
                await accounts.InviteAsync(user, User.Identity?.Name);
                await transaction.CommitAsync();
                TempData["Notice"] = T["{0} is invited: the message with the link to choose a password is on its way.", model.Email!].Value;
                return Redirect("/admin/users");
            }
            model.Errors["Email"] = string.Join(" ", errors);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Form", await FormAsync(model));
    }

    [HttpGet("/admin/users/{id}")]
    public async Task<IActionResult> Edit(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var actors = await db.UserClaims.Where(c => c.UserId == id && c.ClaimType == PartnerScope.ClaimType).Select(c => c.ClaimValue!).ToListAsync();
        return View("Form", await FormAsync(new AccountFormModel
        {
            Id = id, Email = user.Email, Name = user.DisplayName, Culture = user.PreferredCulture ?? "fr", Roles = [.. await users.GetRolesAsync(user)], Actors = actors,
        }));
    }

    [HttpPost("/admin/users/{id}"), ValidateAntiForgeryToken]
    public async Task<IActionResult> EditPost(string id, [FromForm] AccountFormModel model, [FromForm] string? resend)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var allRoles = await roles.Roles.Select(r => r.Name!).ToListAsync();
        model.Roles = model.Roles.Where(allRoles.Contains).ToList();
        var known = (await accounts.ActorsAsync()).Select(a => a.Id).ToHashSet();
        model.Actors = model.Actors.Where(known.Contains).ToList();
        // Nobody removes the last administrator, nor their own administration right.
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Administrator) && !model.Roles.Contains(Roles.Administrator)
            && ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count <= 1 || user.Id == users.GetUserId(User)))
            model.Roles.Add(Roles.Administrator);
        await users.RemoveFromRolesAsync(user, current.Except(model.Roles));
        await users.AddToRolesAsync(user, model.Roles.Except(current));
        await accounts.SetActorsAsync(user, model.Actors);
        user.DisplayName = model.Name?.Trim() is { Length: > 0 and <= 100 } name ? name : user.DisplayName;
        if (cultures.IsSupported(model.Culture)) user.PreferredCulture = model.Culture;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        // The stamp is checked on every request: one's own session is renewed rather than ended.
        if (user.Id == users.GetUserId(User)) await signIn.RefreshSignInAsync(user);
        if (resend is not null && user.PasswordHash is null) await accounts.InviteAsync(user, User.Identity?.Name);
        TempData["Notice"] = T["The account {0} is saved.", user.Email!].Value;
        return Redirect("/admin/users");
    }
}
