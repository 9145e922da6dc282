using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>X-Forwarded-Proto and -For count only when the connection comes from a proxy named in Portal:ReverseProxy.</summary>
public sealed class ReverseProxyTests
{
    private static PortalFactory Site(params (string Key, string Value)[] settings)
    {
        var factory = new PortalFactory { ConfigureTestServices = s => s.AddSingleton<IStartupFilter, Peer>() };
        foreach (var (key, value) in settings) factory.WithSetting(key, value);
        return factory;
    }

    /// <summary>Whether the cookies set by the sign-in page, asked for over http from <paramref name="peer"/> with X-Forwarded-Proto: https, are Secure.</summary>
    private static async Task<bool> CookiesSecureAsync(PortalFactory factory, string peer)
    {
        using var client = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/login");
        request.Headers.Add(Peer.Header, peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        cookies.Should().NotBeEmpty();
        return cookies.All(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Without_known_proxies_forwarded_headers_are_ignored()
    {
        using var factory = Site();
        (await CookiesSecureAsync(factory, "127.0.0.1")).Should().BeFalse();
    }

    [Fact]
    public async Task A_known_proxy_or_network_gives_the_scheme_and_others_are_ignored()
    {
        using var factory = Site(("Portal:ReverseProxy:KnownProxies:0", "192.0.2.10"), ("Portal:ReverseProxy:KnownNetworks:0", "10.1.0.0/16"));
        (await CookiesSecureAsync(factory, "192.0.2.10")).Should().BeTrue();
        (await CookiesSecureAsync(factory, "10.1.2.3")).Should().BeTrue();
        (await CookiesSecureAsync(factory, "192.0.2.11")).Should().BeFalse("a client cannot claim https by itself");
    }

    /// <summary>Stands for the TCP peer of the test server's requests (which have none).</summary>
    private sealed class Peer : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[Header] is [{ } peer]) context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
