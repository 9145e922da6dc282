using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NJsonSchema;
using Portal.Tests.Search;
using Xunit.Abstractions;

namespace Portal.Tests.Embed;

/// <summary>/api/openapi.json describes every public read route, and the seed site's answers match what it says.</summary>
public sealed class OpenApiTests(SearchSite site, ITestOutputHelper output) : IClassFixture<SearchSite>
{
    private async Task<JsonObject> DocumentAsync()
    {
        using var client = site.Factory.CreateClient();
        var response = await client.GetAsync("/api/openapi.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    [Fact]
    public async Task The_description_is_OpenAPI_3_and_covers_every_public_read_route()
    {
        var document = await DocumentAsync();
        document["openapi"]!.GetValue<string>().Should().StartWith("3.");
        document["info"]!["title"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        var described = document["paths"]!.AsObject().Where(p => p.Value!["get"] is not null).Select(p => p.Key).ToList();

        var routes = site.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/api/", StringComparison.Ordinal) && r != "/api/openapi.json")
            .Distinct().ToList();
        routes.Should().Contain(["/api/search", "/api/search/suggest", "/api/map.geojson", "/api/content", "/api/content/{id}", "/api/open-data/directory.geojson"]);
        described.Should().BeEquivalentTo(routes, "every public read route is described, and nothing else");
        foreach (var path in described)
            document["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!.AsObject().Should().NotBeEmpty(path);
    }

    [Fact]
    public async Task Each_described_route_answers_the_seed_site_as_its_schema_says()
    {
        var document = await DocumentAsync();
        var definitions = document["components"]?["schemas"]?.DeepClone() ?? new JsonObject();
        using var client = site.Factory.CreateClient();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var url = path.Replace("{id}", "gr-actor-001-fr") + (path.StartsWith("/api/open-data", StringComparison.Ordinal) ? "" : "?culture=fr&q=repit");
            if (path == "/api/content" || path == "/api/content/{id}") url = path.Replace("{id}", "gr-actor-001-fr") + "?culture=fr";
            var response = await client.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.OK, url);
            var schema = item!["get"]!["responses"]!["200"]!["content"]!.AsObject().First().Value!["schema"]!.DeepClone();
            var wrapper = new JsonObject { ["allOf"] = new JsonArray(schema), ["definitions"] = definitions.DeepClone() };
            var text = wrapper.ToJsonString().Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal);
            var validator = await JsonSchema.FromJsonAsync(text);
            var body = await response.Content.ReadAsStringAsync();
            var errors = validator.Validate(body);
            Flatten(errors).Should().BeEmpty($"{url} matches its schema");
            body.Length.Should().BeGreaterThan(50, url);
            output.WriteLine($"{url}: {body.Length} bytes valid");
        }
    }

    private static IEnumerable<string> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors) =>
        errors.SelectMany(e => e is NJsonSchema.Validation.ChildSchemaValidationError child
            ? child.Errors.SelectMany(c => Flatten(c.Value)).DefaultIfEmpty($"{e.Path}: {e.Kind}")
            : [$"{e.Path}: {e.Kind} {e.Property}"]);

    [Fact]
    public async Task The_data_and_API_page_links_the_description_in_both_languages()
    {
        using var client = site.Factory.CreateClient();
        var fr = await client.GetStringAsync("/fr/donnees-et-api");
        fr.Should().Contain("Données et API").And.Contain("href=\"/api/openapi.json\"").And.Contain("/api/search?culture=fr");
        var de = await client.GetStringAsync("/de/daten-und-api");
        de.Should().Contain("Daten und API").And.Contain("/api/map.geojson?culture=de");
    }
}
