using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Content;

/// <summary>Who is acting: the signed-in person, or "system" for recipes, setup and background work.</summary>
public interface ICurrentUser
{
    string? Id { get; }
    string Name { get; }
}

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public string? Id => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string Name => Principal?.Identity?.Name ?? "system";
}
