using System.Net;
using Portal.Core.Hosting;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>Every paged list, public or back office, answers a page or a page size out of range with a 400 and a reason, never a 500.</summary>
public sealed class PagingTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly string[] PagedPublic =
        ["/api/content?", "/api/search?culture=fr&", "/fr/recherche?", "/fr/carte?", "/api/map.geojson?culture=fr&", "/fr/acteurs?", "/de/angebote?", "/fr/actualites?"];

    private static readonly string[] PagedBackOffice = ["/admin/content/Page?", "/admin/taxonomies/territories?"];

    private static readonly string[] WithPageSize = ["/api/content?", "/api/search?culture=fr&", "/fr/recherche?", "/fr/carte?", "/api/map.geojson?culture=fr&"];

    private static readonly string[] BadPages = ["2147483647", "2147483648", "-1", "0", "-2147483648", "99999999999999999999", "abc", "1e3", "100001"];

    // The reasons the lists give, in the language of their address (the API's in English).
    private static readonly string[] Reasons =
        ["page must be a whole number", "pageSize must be a whole number", "numéro de page", "Seitenzahl", "Seitennummer", "pageSize doit", "Les résultats", "résultats"];

    private static readonly string[] BadPageSizes = ["0", "-5", "101", "1000000", "2147483647", "x"];

    [Theory, MemberData(nameof(Providers))]
    public async Task Pages_out_of_range_are_a_400_with_a_reason_on_every_paged_list(string provider)
    {
        using var factory = new PortalFactory(provider);
        using var visitor = factory.CreateBrowser();
        using var admin = factory.CreateBrowser();
        await admin.SignInAsync();

        var failures = new List<string>();
        async Task ExpectAsync(HttpClient client, string url, params HttpStatusCode[] expected)
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            if (!expected.Contains(response.StatusCode)) failures.Add($"{url}: {(int)response.StatusCode}");
            else if (response.StatusCode == HttpStatusCode.BadRequest && !Reasons.Any(r => body.Contains(r, StringComparison.Ordinal)))
                failures.Add($"{url}: 400 without a reason");
        }

        foreach (var (client, lists) in new[] { (visitor, PagedPublic), (admin, PagedBackOffice) })
            foreach (var list in lists)
            {
                foreach (var page in BadPages) await ExpectAsync(client, $"{list}page={page}", HttpStatusCode.BadRequest);
                // The last page served: an empty page or "no such page", never an overflowing offset.
                await ExpectAsync(client, $"{list}page={QueryValues.MaxPage}", HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
                await ExpectAsync(client, $"{list}page=1", HttpStatusCode.OK);
            }
        foreach (var list in WithPageSize)
        {
            foreach (var size in BadPageSizes) await ExpectAsync(visitor, $"{list}page=1&pageSize={size}", HttpStatusCode.BadRequest);
            await ExpectAsync(visitor, $"{list}page=2147483647&pageSize=100", HttpStatusCode.BadRequest);
            await ExpectAsync(visitor, $"{list}page={QueryValues.MaxPage}&pageSize=100", HttpStatusCode.OK, HttpStatusCode.BadRequest);
        }

        failures.Should().BeEmpty();
    }

    [Fact]
    public void An_offset_never_overflows()
    {
        QueryValues.Offset(int.MaxValue, 100).Should().Be(int.MaxValue);
        QueryValues.Offset(3, 25).Should().Be(50);
        QueryValues.Offset(int.MinValue, 100).Should().Be(0);
        QueryValues.Offset(1, 100).Should().Be(0);
    }
}
