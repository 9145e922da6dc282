using System.Net;
using Portal.Tests.Infrastructure;
using Portal.Tests.Search;

namespace Portal.Tests.Embed;

/// <summary>The read APIs answer other sites' browsers (CORS without credentials) and slow down a greedy address.</summary>
public sealed class PublicApiTests(SearchSite site) : IClassFixture<SearchSite>
{
    public static TheoryData<string> ReadApis => new()
    {
        "/api/search?culture=fr&q=repit", "/api/search/suggest?culture=fr&q=rep", "/api/map.geojson?culture=fr",
        "/api/content?type=Actor&culture=fr", "/api/open-data/data-inclusion/structures.json", "/api/open-data/directory.geojson", "/api/openapi.json",
    };

    [Theory, MemberData(nameof(ReadApis))]
    public async Task A_read_API_answers_a_preflight_and_a_GET_from_any_origin_without_credentials(string url)
    {
        using var client = site.Factory.CreateClient();
        var preflight = new HttpRequestMessage(HttpMethod.Options, url);
        preflight.Headers.Add("Origin", "https://partner.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        var answer = await client.SendAsync(preflight);
        answer.StatusCode.Should().Be(HttpStatusCode.NoContent, url);
        answer.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
        answer.Headers.GetValues("Access-Control-Allow-Methods").Single().Should().Contain("GET");

        var get = new HttpRequestMessage(HttpMethod.Get, url);
        get.Headers.Add("Origin", "https://partner.example");
        get.Headers.Add("Cookie", ".Portal.Auth=whatever");
        var response = await client.SendAsync(get);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(["*"], "a wildcard: browsers withhold the response from a credentialed request");
        response.Headers.Contains("Access-Control-Allow-Credentials").Should().BeFalse();
        response.Headers.ETag.Should().NotBeNull(url);
        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        (await client.SendAsync(again)).StatusCode.Should().Be(HttpStatusCode.NotModified, url);
    }

    [Fact]
    public async Task A_page_is_not_opened_to_other_origins()
    {
        using var client = site.Factory.CreateClient();
        var get = new HttpRequestMessage(HttpMethod.Get, "/fr/recherche");
        get.Headers.Add("Origin", "https://partner.example");
        (await client.SendAsync(get)).Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    [Fact]
    public async Task An_address_over_the_limit_gets_429_with_Retry_After()
    {
        using var factory = new PortalFactory().WithSetting(Portal.Core.Hosting.PublicApi.RequestsPerMinuteSetting, "3");
        using var client = factory.CreateClient();
        for (var i = 0; i < 3; i++) (await client.GetAsync("/api/content")).StatusCode.Should().Be(HttpStatusCode.OK);
        var refused = await client.GetAsync("/api/content");
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        int.Parse(refused.Headers.GetValues("Retry-After").Single()).Should().BeInRange(1, 60);
        (await client.GetAsync("/fr")).StatusCode.Should().Be(HttpStatusCode.OK, "pages are not counted");
    }
}
