using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Hosting;

/// <summary>
/// The site's public address (<c>Portal:PublicUrl</c>): the one origin of every absolute link (mails, sitemap, RSS,
/// JSON-LD, open data, exports), never the request's Host header, which anyone can forge.
/// </summary>
public sealed class PublicUrl
{
    public const string Setting = "Portal:PublicUrl";

    private PublicUrl(Uri origin)
    {
        Base = origin.GetLeftPart(UriPartial.Path).TrimEnd('/');
        Host = origin.IdnHost;
    }

    /// <summary>Scheme, host, port and path base, without a trailing slash: "https://portal.example.org".</summary>
    public string Base { get; }

    /// <summary>The host name alone, for host filtering.</summary>
    public string Host { get; }

    /// <summary>The absolute address of a path of this site.</summary>
    public string For(string path) => Base + (path.StartsWith('/') ? path : "/" + path);

    /// <summary>
    /// Reads the setting. Without it the site may only run on loopback (the README's run command), where its own
    /// address is the public one; anywhere else the start fails with a message naming the setting.
    /// </summary>
    public static PublicUrl From(IConfiguration configuration)
    {
        if (configuration[Setting] is { Length: > 0 } configured)
        {
            if (Uri.TryCreate(configured, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment))
                return new PublicUrl(uri);
            throw new PortalConfigurationException($"{Setting} must be the site's absolute http or https address, such as https://portal.example.org (it is \"{configured}\").");
        }
        var listening = ListeningAddresses(configuration);
        if (listening.Count > 0 && listening.All(IsLoopback) && Uri.TryCreate(listening[0], UriKind.Absolute, out var own))
            return new PublicUrl(own);
        throw new PortalConfigurationException(
            $"{Setting} is not set. The site listens on {string.Join(", ", listening.DefaultIfEmpty("all interfaces"))}, not only on loopback, " +
            $"so it needs its public address for the links in messages, the sitemap and the feeds: set {Setting} (environment variable Portal__PublicUrl), such as https://portal.example.org.");
    }

    /// <summary>Where Kestrel listens: <c>urls</c>, the endpoints of <c>Kestrel:Endpoints</c>, or its default http://localhost:5000.</summary>
    private static List<string> ListeningAddresses(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        foreach (var (key, scheme) in new[] { ("http_ports", "http"), ("https_ports", "https") })
            foreach (var port in (configuration[key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                urls.Add($"{scheme}://*:{port}");
        return urls.Count > 0 ? urls : ["http://localhost:5000"];
    }

    private static bool IsLoopback(string url)
    {
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) is var i and >= 0 ? i + 3 : 0)..];
        var host = rest.StartsWith('[') ? rest[1..Math.Max(1, rest.IndexOf(']'))] : rest.Split(':', '/')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    /// <summary>The Host headers the site answers: its public host, and the loopback names (local runs, health probes, tests).</summary>
    public IReadOnlyList<string> AllowedHosts(IConfiguration configuration) =>
        new[] { Host, "localhost", "127.0.0.1", "[::1]" }
            .Concat((configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(h => h != "*"))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

public static class PublicUrlExtensions
{
    /// <summary>Registers the public address and answers only requests addressed to it (or to loopback): others get 400.</summary>
    public static IServiceCollection AddPublicUrl(this IServiceCollection services, IConfiguration configuration)
    {
        var url = PublicUrl.From(configuration);
        services.AddSingleton(url);
        services.Configure<HostFilteringOptions>(o => o.AllowedHosts = [.. url.AllowedHosts(configuration)]);
        return services;
    }
}
