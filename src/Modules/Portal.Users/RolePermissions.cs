using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Portal.Core.Content;
using Portal.Core.Security;

namespace Portal.Users;

/// <summary>Sets exactly the permissions of a role (shared by the Roles recipe step and the roles screen).</summary>
public sealed class RolePermissions(RoleManager<IdentityRole> roles, IEnumerable<IPermissionProvider> providers, IContentDefinitionStore definitions)
{
    public IReadOnlyList<Permission> Known => providers.SelectMany(p => p.GetPermissions()).DistinctBy(p => p.Name).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

    /// <summary>The names that are neither a known permission nor a content permission for an existing type ("PublishContent.News").</summary>
    public async Task<List<string>> UnknownAsync(IEnumerable<string> permissions)
    {
        var known = Known.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var permission in permissions.Where(p => !known.Contains(p)))
        {
            var dot = permission.IndexOf('.');
            if (dot > 0 && PermissionHandler.PerType.Contains(permission[..dot]) && await definitions.GetTypeAsync(permission[(dot + 1)..]) is not null) continue;
            unknown.Add(permission);
        }
        return unknown;
    }

    public async Task<IReadOnlyList<string>> GetAsync(IdentityRole role) =>
        (await roles.GetClaimsAsync(role)).Where(c => c.Type == Roles.PermissionClaim).Select(c => c.Value).Order(StringComparer.Ordinal).ToList();

    /// <summary>Creates the role if needed and gives it exactly these permissions; returns the errors (nothing is changed then).</summary>
    public async Task<List<string>> SetAsync(string name, IReadOnlyCollection<string> permissions)
    {
        var unknown = await UnknownAsync(permissions);
        if (unknown.Count > 0) return [$"unknown permissions: {string.Join(", ", unknown)}"];
        var role = await roles.FindByNameAsync(name);
        if (role is null)
        {
            role = new IdentityRole(name);
            var created = await roles.CreateAsync(role);
            if (!created.Succeeded) return created.Errors.Select(e => e.Description).ToList();
        }
        var current = (await roles.GetClaimsAsync(role)).Where(c => c.Type == Roles.PermissionClaim).ToList();
        foreach (var claim in current.Where(c => !permissions.Contains(c.Value)))
            if (await roles.RemoveClaimAsync(role, claim) is { Succeeded: false } removed) return removed.Errors.Select(e => e.Description).ToList();
        foreach (var permission in permissions.Where(p => current.All(c => c.Value != p)))
            if (await roles.AddClaimAsync(role, new Claim(Roles.PermissionClaim, permission)) is { Succeeded: false } added) return added.Errors.Select(e => e.Description).ToList();
        return [];
    }
}
