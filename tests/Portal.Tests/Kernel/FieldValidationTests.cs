using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel;

/// <summary>Each field type against its settings, through the content manager as an editor's save would go.</summary>
public sealed class FieldValidationTests(SharedSite site) : IClassFixture<SharedSite>
{
    private static JsonObject Value(string property, object? value) => new() { [property] = JsonValue.Create(value) };

    private async Task<IReadOnlyList<string>> ErrorsAsync(string fieldType, JsonNode? value, Action<FieldSettings>? settings = null)
    {
        return await site.Factory.WithScopeAsync(async sp =>
        {
            var type = "Probe" + fieldType + Guid.NewGuid().ToString("N")[..6];
            var store = sp.GetRequiredService<IContentDefinitionStore>();
            await store.AlterPartAsync(type, p => p.WithField("F", fieldType, "Field", "Feld", settings));
            await store.AlterTypeAsync(type, t => t.WithPart(type));
            var manager = sp.GetRequiredService<IContentManager>();
            var item = await manager.NewAsync(type);
            item.Data = new JsonObject { [type] = new JsonObject { ["F"] = value } };
            var result = await manager.ValidateAsync(item);
            return (IReadOnlyList<string>)result.Errors.Select(e => e.Message).ToList();
        });
    }

    [Fact]
    public async Task Required_text_is_refused_when_empty_with_the_field_named()
    {
        (await ErrorsAsync("Text", null, s => s.Required = true)).Should().ContainSingle().Which.Should().Contain("Field");
    }

    [Fact]
    public async Task Text_respects_max_length_pattern_and_options()
    {
        (await ErrorsAsync("Text", Value("Text", "abcdef"), s => s.MaxLength = 3)).Should().ContainSingle();
        (await ErrorsAsync("Text", Value("Text", "12a"), s => s.Pattern = "[0-9]+")).Should().ContainSingle();
        (await ErrorsAsync("Text", Value("Text", "x"), s => s.Options = [new() { Value = "a" }])).Should().ContainSingle();
        (await ErrorsAsync("Text", Value("Text", "a"), s => s.Options = [new() { Value = "a" }])).Should().BeEmpty();
    }

    [Fact]
    public async Task Numbers_are_checked_against_min_max_and_scale()
    {
        (await ErrorsAsync("Numeric", Value("Value", "douze"))).Should().ContainSingle();
        (await ErrorsAsync("Numeric", Value("Value", 5m), s => s.Minimum = 10)).Should().ContainSingle();
        (await ErrorsAsync("Numeric", Value("Value", 5.123m), s => s.Scale = 2)).Should().ContainSingle();
        (await ErrorsAsync("Numeric", Value("Value", 12.5m), s => { s.Minimum = 0; s.Maximum = 100; s.Scale = 1; })).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Email", "Email", "not-an-address", 1)]
    [InlineData("Email", "Email", "contact@ville-saint-denis.fr", 0)]
    [InlineData("Phone", "Phone", "call me", 1)]
    [InlineData("Phone", "Phone", "+33 1 49 15 00 00", 0)]
    [InlineData("Date", "Value", "2026-02-30", 1)]
    [InlineData("Date", "Value", "2026-02-28", 0)]
    [InlineData("DateTime", "Value", "2026-05-14T18:30", 0)]
    [InlineData("DateTime", "Value", "tomorrow", 1)]
    public async Task Formats_are_checked(string fieldType, string property, string value, int errors)
    {
        (await ErrorsAsync(fieldType, Value(property, value))).Should().HaveCount(errors);
    }

    [Theory]
    [InlineData("javascript:alert(1)", 1)]
    [InlineData("ftp://example.org", 1)]
    [InlineData("https://www.moselle.fr/senior-activ", 0)]
    [InlineData("/fr/a-propos", 0)]
    [InlineData("//evil.example", 1)]
    public async Task Links_must_be_web_addresses_or_site_paths(string url, int errors)
    {
        (await ErrorsAsync("Link", Value("Url", url))).Should().HaveCount(errors);
    }

    [Theory]
    [InlineData(91.0, 6.0, 1)]
    [InlineData(49.1, -181.0, 1)]
    [InlineData(49.11964, 6.17604, 0)]
    public async Task Geo_points_stay_within_the_globe(double latitude, double longitude, int errors)
    {
        var value = new JsonObject { ["Latitude"] = latitude, ["Longitude"] = longitude };
        (await ErrorsAsync("GeoPoint", value)).Should().HaveCount(errors);
    }

    [Fact]
    public async Task A_geo_point_needs_both_coordinates()
    {
        (await ErrorsAsync("GeoPoint", new JsonObject { ["Latitude"] = 48.9 })).Should().ContainSingle();
    }

    [Fact]
    public async Task A_picker_refuses_unknown_items_and_types_not_allowed()
    {
        var ids = new JsonObject { ["ContentItemIds"] = new JsonArray("does-not-exist") };
        (await ErrorsAsync("ContentPicker", ids)).Should().ContainSingle();
        var page = new JsonObject { ["ContentItemIds"] = new JsonArray("page-about-fr") };
        (await ErrorsAsync("ContentPicker", page, s => s.ContentTypes = ["Actor"])).Should().ContainSingle().Which.Should().Contain("Actor");
        (await ErrorsAsync("ContentPicker", page, s => s.ContentTypes = ["Page"])).Should().BeEmpty();
    }

    [Fact]
    public async Task Html_is_sanitized_before_it_is_stored()
    {
        var html = await site.Factory.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<IContentManager>();
            var item = await manager.NewAsync("Page");
            item.Data = JsonNode.Parse("""
                { "TitlePart": { "Title": { "Text": "XSS" } }, "LocalizationPart": { "Culture": { "Text": "fr" } },
                  "HtmlBodyPart": { "Body": { "Html": "<p onclick=\"steal()\">Bonjour<script>alert(1)</script><a href=\"javascript:x()\">lien</a></p>" } } }
                """)!.AsObject();
            var result = await manager.CreateAsync(item);
            result.Succeeded.Should().BeTrue(result.Message);
            return item.Field("HtmlBodyPart", "Body")!["Html"]!.GetValue<string>();
        });

        html.Should().Contain("Bonjour").And.NotContain("script").And.NotContain("onclick").And.NotContain("javascript:");
    }
}
