using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Portal.Core.Recipes;
using Portal.Core.Security;

namespace Portal.Users.Recipes;

/// <summary>
/// { "name": "Roles", "Roles": [ { "Name": "Editor", "Permissions": ["EditContent", "PublishContent.News", …] } ] }: the role gets exactly
/// these permissions. Content permissions may name one type ("EditContent.News", "EditOwnContent.Page", "DeleteContent.Action").
/// </summary>
public sealed class RolesStep(RoleManager<IdentityRole> roles, IEnumerable<IPermissionProvider> providers, Portal.Core.Content.IContentDefinitionStore definitions) : IRecipeStep
{
    public string Name => "Roles";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var known = providers.SelectMany(p => p.GetPermissions()).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        if (context.Step["Roles"] is not System.Text.Json.Nodes.JsonArray list) throw new RecipeStepException("the step needs a \"Roles\" array.");
        foreach (var entry in list)
        {
            var name = entry?["Name"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(name)) throw new RecipeStepException("a role has no Name.");
            var permissions = entry!["Permissions"]?.AsArray().Select(p => p!.GetValue<string>()).Distinct().ToList() ?? [];
            var unknown = new List<string>();
            foreach (var permission in permissions.Where(p => !known.Contains(p)))
            {
                // "EditContent.News": a content permission for one type only.
                var dot = permission.IndexOf('.');
                if (dot > 0 && PermissionHandler.PerType.Contains(permission[..dot]) && await definitions.GetTypeAsync(permission[(dot + 1)..]) is not null) continue;
                unknown.Add(permission);
            }
            if (unknown.Count > 0)
                throw new RecipeStepException($"role {name} names unknown permissions ({string.Join(", ", unknown)}); known: {string.Join(", ", known.Order())}.");

            var role = await roles.FindByNameAsync(name);
            if (role is null)
            {
                role = new IdentityRole(name);
                Check(await roles.CreateAsync(role), name);
            }
            var current = (await roles.GetClaimsAsync(role)).Where(c => c.Type == Roles.PermissionClaim).ToList();
            foreach (var claim in current.Where(c => !permissions.Contains(c.Value)))
                Check(await roles.RemoveClaimAsync(role, claim), name);
            foreach (var permission in permissions.Where(p => current.All(c => c.Value != p)))
                Check(await roles.AddClaimAsync(role, new Claim(Roles.PermissionClaim, permission)), name);
        }
    }

    private static void Check(IdentityResult result, string role)
    {
        if (!result.Succeeded) throw new RecipeStepException($"role {role}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
