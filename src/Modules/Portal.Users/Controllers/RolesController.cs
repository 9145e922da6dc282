using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Security;

namespace Portal.Users.Controllers;

/// <summary>/admin/roles: each role's permissions, changed with boxes (and, for one content type, one name per line).</summary>
[RequirePermission(Permissions.ManageUsers), Route("admin/roles")]
public sealed class RolesController(RoleManager<IdentityRole> roles, RolePermissions permissions, IStringLocalizer<RolesController> T) : Controller
{
    public sealed class RoleModel
    {
        public string? Name { get; set; }
        public bool IsNew { get; set; }
        public List<string> Granted { get; set; } = [];
        public string PerType { get; set; } = "";
        public IReadOnlyList<Permission> Known { get; set; } = [];
        public Dictionary<string, string> Errors { get; } = [];
    }

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var list = new List<(string Name, IReadOnlyList<string> Permissions)>();
        foreach (var role in await roles.Roles.OrderBy(r => r.Name).ToListAsync())
            list.Add((role.Name!, role.Name == Roles.Administrator ? [T["every permission"].Value] : await permissions.GetAsync(role)));
        ViewData["Notice"] = TempData["Notice"];
        return View("Index", list);
    }

    [HttpGet("new")]
    public IActionResult New() => View("Edit", new RoleModel { IsNew = true, Known = permissions.Known });

    [HttpGet("{name}")]
    public async Task<IActionResult> Edit(string name)
    {
        var role = await roles.FindByNameAsync(name);
        if (role is null) return NotFound();
        if (role.Name == Roles.Administrator) return BadRequest(T["The Administrator role holds every permission: it cannot be changed."].Value);
        var granted = await permissions.GetAsync(role);
        var known = permissions.Known.Select(p => p.Name).ToHashSet();
        return View("Edit", new RoleModel
        {
            Name = role.Name, Known = permissions.Known, Granted = granted.Where(known.Contains).ToList(),
            PerType = string.Join("\n", granted.Where(g => !known.Contains(g))),
        });
    }

    [HttpPost("new"), HttpPost("{name}"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Save([FromRoute] string? name, [FromForm] RoleModel model)
    {
        model.IsNew = name is null;
        model.Known = permissions.Known;
        var roleName = model.IsNew ? model.Name?.Trim() : name;
        if (string.IsNullOrEmpty(roleName) || roleName.Length > 64 || !roleName.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' '))
            model.Errors["Name"] = T["Give the role a name of letters, digits, spaces or dashes (at most 64)."];
        else if (model.IsNew && await roles.RoleExistsAsync(roleName)) model.Errors["Name"] = T["A role with this name exists already."];
        else if (roleName == Roles.Administrator) model.Errors["Name"] = T["The Administrator role holds every permission: it cannot be changed."];
        else if (!model.IsNew && !await roles.RoleExistsAsync(roleName)) return NotFound();
        var perType = model.PerType.Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var wanted = model.Granted.Concat(perType).Distinct().ToList();
        var unknown = await permissions.UnknownAsync(wanted);
        if (unknown.Count > 0) model.Errors["PerType"] = T["Unknown permissions: {0}. A content permission for one type is written like PublishContent.News.", string.Join(", ", unknown)];
        if (model.Errors.Count == 0)
        {
            var errors = await permissions.SetAsync(roleName!, wanted);
            if (errors.Count == 0)
            {
                TempData["Notice"] = T["The role {0} is saved. People holding it get the change within half an hour, or at their next sign-in.", roleName!].Value;
                return Redirect("/admin/roles");
            }
            model.Errors["Name"] = string.Join(" ", errors);
        }
        model.Name = roleName;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Edit", model);
    }
}
