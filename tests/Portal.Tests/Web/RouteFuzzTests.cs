using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Localization;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>Every route template of the site, in every spelling a visitor or a robot may type: never a 500.</summary>
public sealed class RouteFuzzTests(SeededSite site) : IClassFixture<SeededSite>
{
    private const string BadQuery = "?page=abc&page=2&q=%FF%FE%00&f.type=%3Cscript%3E&f.=x&lat=999&lon=abc&sort=zz&place=&noplace=yes&type%5B%5D=1&month=2026-13&view=%22";

    [Theory]
    [InlineData("/fr/Acteurs", "/fr/acteurs")]
    [InlineData("/FR/acteurs", "/fr/acteurs")]
    [InlineData("/De/Akteure", "/de/akteure")]
    [InlineData("/fr/acteurs/", "/fr/acteurs")]
    [InlineData("/FR/Recherche?q=Metz", "/fr/recherche?q=Metz")]
    [InlineData("/fr/Actualites/RSS.xml", "/fr/actualites/rss.xml")]
    public async Task Another_spelling_of_an_address_is_sent_to_the_canonical_one(string typed, string canonical)
    {
        using var client = site.Factory.CreateBrowser();
        var response = await client.GetAsync(typed);
        response.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.OriginalString.Should().Be(canonical);
        (await client.GetAsync(canonical)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/xx/acteurs")]
    [InlineData("/en/acteurs")]
    [InlineData("/xx")]
    [InlineData("/fr/no-such-page")]
    public async Task An_unknown_culture_or_page_is_a_404(string path)
    {
        using var client = site.Factory.CreateBrowser();
        (await client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_entry_typed_in_capitals_is_sent_to_its_address()
    {
        var path = await site.Factory.WithDbAsync(db => Task.FromResult(db.ContentItems.Where(i => i.Published && i.Culture == "fr" && i.ContentType == "Actor").Select(i => i.Path).First()!));
        using var client = site.Factory.CreateBrowser();
        var response = await client.GetAsync("/fr/" + path.ToUpperInvariant());
        response.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.OriginalString.Should().Be("/fr/" + path);
    }

    [Fact]
    public async Task No_spelling_of_any_route_gives_a_server_error_and_case_variants_redirect_or_are_not_found()
    {
        var endpoints = site.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var tables = site.Factory.Services.GetServices<RouteTable>().ToList();
        var entry = await site.Factory.WithDbAsync(db => Task.FromResult(db.ContentItems.Where(i => i.Published && i.Culture == "fr" && i.Path != null).Select(i => i.Path).First()!));
        var samples = endpoints.SelectMany(e => Samples(e.RoutePattern, tables, entry)).Distinct().ToList();
        samples.Count.Should().BeGreaterThan(60, "every route template gives sample addresses");

        using var client = site.Factory.CreateBrowser();
        var failures = new List<string>();
        var requests = 0;
        foreach (var sample in samples)
        {
            var plain = await client.GetAsync(sample);
            requests++;
            if (plain.StatusCode == HttpStatusCode.InternalServerError) { failures.Add($"{sample}: 500"); continue; }
            foreach (var variant in CaseVariants(sample))
            {
                var response = await client.GetAsync(variant);
                requests++;
                var ok = response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.NotFound
                    || plain.StatusCode != HttpStatusCode.OK && response.StatusCode == plain.StatusCode;
                if (!ok) failures.Add($"{variant}: {(int)response.StatusCode} ({sample} answers {(int)plain.StatusCode})");
            }
            foreach (var variant in OtherShapes(sample))
            {
                var response = await client.GetAsync(variant);
                requests++;
                if (response.StatusCode == HttpStatusCode.InternalServerError) failures.Add($"{variant}: 500");
            }
            var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, sample.ToUpperInvariant()));
            if (head.StatusCode == HttpStatusCode.InternalServerError) failures.Add($"HEAD {sample.ToUpperInvariant()}: 500");
        }
        failures.Should().BeEmpty();
        requests.Should().BeGreaterThan(500);
    }

    /// <summary>Addresses the template stands for: each culture, each localized segment, a sample value for the other parameters.</summary>
    private static IEnumerable<string> Samples(RoutePattern pattern, List<RouteTable> tables, string entry)
    {
        foreach (var culture in new[] { "fr", "de" })
        {
            var segments = new List<string>();
            foreach (var segment in pattern.PathSegments)
            {
                var text = "";
                foreach (var part in segment.Parts)
                    text += part switch
                    {
                        RoutePatternLiteralPart literal => literal.Content,
                        RoutePatternSeparatorPart separator => separator.Content,
                        RoutePatternParameterPart p => Value(p, culture, tables, entry),
                        _ => "",
                    };
                segments.Add(text);
            }
            yield return "/" + string.Join('/', segments);
        }
    }

    private static string Value(RoutePatternParameterPart parameter, string culture, List<RouteTable> tables, string entry)
    {
        var policy = parameter.ParameterPolicies.Select(p => p.Content ?? "").FirstOrDefault() ?? "";
        if (policy == "culture") return culture;
        if (policy.StartsWith("localized", StringComparison.Ordinal))
        {
            var key = policy[(policy.IndexOf('(') + 1)..^1].Split('|')[0];
            return tables.First(t => t.Contains(key)).Segment(key, culture);
        }
        if (policy.StartsWith("int", StringComparison.Ordinal) || policy.StartsWith("long", StringComparison.Ordinal)) return "1";
        return parameter.IsCatchAll ? entry : "x-sample";
    }

    private static IEnumerable<string> CaseVariants(string path)
    {
        if (path.ToUpperInvariant() != path) yield return path.ToUpperInvariant();
        var capitalised = string.Join('/', path.Split('/').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..]));
        if (capitalised != path) yield return capitalised;
    }

    private static IEnumerable<string> OtherShapes(string sample)
    {
        // Below the root, "//x" would name a host: the root's shapes start from "".
        var path = sample == "/" ? "" : sample;
        yield return path + "/";
        if (path.Length > 0) yield return path + "//";
        yield return path + "/%C3%A9t%C3%A9-%E2%82%AC";
        yield return path + "/unknown-segment/deeper";
        yield return path + "/%2e%2e/%2e%2e/etc/passwd";
        yield return path + "/%01%7F";
        yield return path + "/%FF%FE";
        yield return path + "/" + new string('a', 600);
        yield return path + BadQuery;
        yield return path + "?q=" + new string('x', 3000);
        yield return path + "?page=-1&page=99999999999999999999";
        var parts = path.Split('/');
        if (parts.Length > 1 && parts[1] is "fr" or "de") yield return "/xx" + path[3..];
    }
}
