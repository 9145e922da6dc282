using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Portal.Core.Recipes;
using Portal.Core.Security;

namespace Portal.Users.Recipes;

/// <summary>
/// { "name": "Roles", "Roles": [ { "Name": "Editor", "Permissions": ["EditContent", "PublishContent.News", …] } ] }: the role gets exactly
/// these permissions. Content permissions may name one type ("EditContent.News", "EditOwnContent.Page", "DeleteContent.Action").
/// </summary>
public sealed class RolesStep(RolePermissions rolePermissions) : IRecipeStep
{
    public string Name => "Roles";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        if (context.Step["Roles"] is not System.Text.Json.Nodes.JsonArray list) throw new RecipeStepException("the step needs a \"Roles\" array.");
        foreach (var entry in list)
        {
            var name = entry?["Name"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(name)) throw new RecipeStepException("a role has no Name.");
            var permissions = entry!["Permissions"]?.AsArray().Select(p => p!.GetValue<string>()).Distinct().ToList() ?? [];
            var unknown = await rolePermissions.UnknownAsync(permissions);
            if (unknown.Count > 0)
                throw new RecipeStepException($"role {name} names unknown permissions ({string.Join(", ", unknown)}); known: {string.Join(", ", rolePermissions.Known.Select(p => p.Name))}, and content permissions for one type such as PublishContent.News.");
            var errors = await rolePermissions.SetAsync(name, permissions);
            if (errors.Count > 0) throw new RecipeStepException($"role {name}: {string.Join(" ", errors)}");
        }
    }
}
