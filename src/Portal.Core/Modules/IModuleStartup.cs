using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Modules;

/// <summary>The one place where a module plugs itself in.</summary>
public interface IModuleStartup
{
    /// <summary>Among modules with no dependency between them, lower runs first.</summary>
    int Order => 0;

    /// <summary>Registers the module's services; its endpoints are controllers, found by MVC.</summary>
    void ConfigureServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Endpoints that are not controllers (such as a generated document); most modules need none.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints) { }
}
