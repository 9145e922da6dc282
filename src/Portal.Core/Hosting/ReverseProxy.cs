using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Hosting;

/// <summary>
/// The proxies in front of the site (<c>Portal:ReverseProxy:KnownProxies</c>, addresses, and <c>KnownNetworks</c>,
/// CIDR ranges). Only requests coming from them may set X-Forwarded-For and X-Forwarded-Proto, which then give the
/// client's address (rate limits) and the scheme (Secure cookies, HSTS); without them forwarded headers are ignored.
/// </summary>
public sealed record ReverseProxy(IReadOnlyList<IPAddress> KnownProxies, IReadOnlyList<System.Net.IPNetwork> KnownNetworks)
{
    public const string Section = "Portal:ReverseProxy";

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public static ReverseProxy From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = List(section.GetSection("KnownProxies")).Select(p => IPAddress.TryParse(p, out var a) ? a
            : throw new PortalConfigurationException($"{Section}:KnownProxies: \"{p}\" is not an IP address.")).ToList();
        var networks = List(section.GetSection("KnownNetworks")).Select(n => System.Net.IPNetwork.TryParse(n, out var net) ? net
            : throw new PortalConfigurationException($"{Section}:KnownNetworks: \"{n}\" is not a network in CIDR notation, such as 10.0.0.0/8.")).ToList();
        return new ReverseProxy(proxies, networks);
    }

    /// <summary>A list as JSON array items (KnownProxies:0, …) or as one string separated by commas or semicolons.</summary>
    private static IEnumerable<string> List(IConfigurationSection section) =>
        (section.Value is { Length: > 0 } value ? [value] : section.GetChildren().Select(c => c.Value ?? ""))
            .SelectMany(v => v.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public void Configure(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies) options.KnownProxies.Add(proxy);
        foreach (var network in KnownNetworks) options.KnownIPNetworks.Add(network);
    }
}

public static class ReverseProxyExtensions
{
    public static IServiceCollection AddReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = ReverseProxy.From(configuration);
        services.AddSingleton(proxy);
        services.Configure<ForwardedHeadersOptions>(proxy.Configure);
        return services;
    }

    /// <summary>First in the pipeline, so that every later step sees the client's address and scheme.</summary>
    public static WebApplication UseReverseProxy(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ReverseProxy>().Enabled) app.UseForwardedHeaders();
        return app;
    }
}
