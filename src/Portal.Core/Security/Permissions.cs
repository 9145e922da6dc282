using Microsoft.AspNetCore.Authorization;

namespace Portal.Core.Security;

public sealed record Permission(string Name, string Description);

/// <summary>Each module lists its permissions in its Permissions.cs; the Roles recipe step checks names against them.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();
}

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string PermissionClaim = "Permission";
}

public sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;
}

/// <summary>
/// What a content permission is checked against: a content type and the item's owner. A role may hold a permission for
/// every type ("EditContent") or for one ("EditContent.News"); "EditOwnContent" lets a person edit the items they own.
/// <see cref="AnyType"/> asks whether the person holds the permission for at least one type (a menu, a list's button).
/// </summary>
public sealed record ContentPermissionResource(string ContentType, string? Owner = null)
{
    public static readonly ContentPermissionResource AnyType = new("*");
}

/// <summary>Administrators hold every permission; others hold those their roles grant, as role claims.</summary>
public sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    public const string EditContent = "EditContent";
    public const string EditOwnContent = "EditOwnContent";

    /// <summary>The permissions that a role may hold for one content type only ("PublishContent.News").</summary>
    public static readonly string[] PerType = ["EditContent", "EditOwnContent", "PublishContent", "DeleteContent"];

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var user = context.User;
        var permission = requirement.Permission;
        bool Holds(string name) => user.HasClaim(Roles.PermissionClaim, name);
        bool HoldsForType(string name, string type) => Holds(name) || (type == "*"
            ? user.FindAll(Roles.PermissionClaim).Any(c => c.Value.StartsWith(name + ".", StringComparison.Ordinal))
            : Holds($"{name}.{type}"));

        if (user.IsInRole(Roles.Administrator) || Holds(permission)) context.Succeed(requirement);
        else if (context.Resource is ContentPermissionResource resource)
        {
            if (HoldsForType(permission, resource.ContentType)) context.Succeed(requirement);
            else if (permission == EditContent && HoldsForType(EditOwnContent, resource.ContentType)
                && (resource.ContentType == "*" || resource.Owner is null || resource.Owner == user.Identity?.Name))
                context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>Policies named "Permission:X" are made on demand, so modules need not register each one.</summary>
public sealed class PermissionPolicyProvider(Microsoft.Extensions.Options.IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public const string Prefix = "Permission:";

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
        policyName.StartsWith(Prefix, StringComparison.Ordinal)
            ? new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(policyName[Prefix.Length..])).Build()
            : await base.GetPolicyAsync(policyName);
}

/// <summary><c>[RequirePermission("EditContent")]</c> on a controller or action.</summary>
public sealed class RequirePermissionAttribute(string permission) : AuthorizeAttribute(PermissionPolicyProvider.Prefix + permission);
