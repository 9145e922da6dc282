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

/// <summary>Administrators hold every permission; others hold those their roles grant, as role claims.</summary>
public sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var user = context.User;
        if (user.IsInRole(Roles.Administrator) || user.HasClaim(Roles.PermissionClaim, requirement.Permission))
            context.Succeed(requirement);
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
