using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Content;

/// <summary>Who is acting: the signed-in person, or "system" for recipes, setup and background work.</summary>
public interface ICurrentUser
{
    string? Id { get; }
    string Name { get; }
}

public sealed class HttpCurrentUser(IHttpContextAccessor accessor, ActingUser acting) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public string? Id => acting.Id ?? Principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string Name => acting.Name ?? Principal?.Identity?.Name ?? "system";
}

/// <summary>
/// Background work done on a person's behalf (an import job runs as who uploaded the file): set in the task's scope,
/// it is who writes, as if the person had made the request.
/// </summary>
public sealed class ActingUser
{
    public string? Id { get; private set; }
    public string? Name { get; private set; }

    public void Set(string id, string name) => (Id, Name) = (id, name);
}
