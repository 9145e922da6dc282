using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NJsonSchema;
using Portal.Core.Hosting;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.OpenData;

public sealed class DataInclusionTests
{
    private static string SchemaPath(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln"))) directory = directory.Parent;
        return Path.Combine(directory!.FullName, "data", "domain", "data-inclusion-schema", "v1", name + ".json");
    }

    [Theory]
    [InlineData("grande-region")]
    [InlineData("seine-saint-denis")]
    public async Task Every_exported_record_validates_against_the_data_inclusion_schema(string recipe)
    {
        using var factory = new PortalFactory(recipe: recipe);
        using var client = factory.CreateClient();
        var structureSchema = await JsonSchema.FromFileAsync(SchemaPath("structure"));
        var serviceSchema = await JsonSchema.FromFileAsync(SchemaPath("service"));

        // The validator does catch what the schema forbids: a two-letter name, a postcode that is not five digits, an unknown fee.
        structureSchema.Validate("""{"source":"x","id":"x","nom":"ab","date_maj":"2026-01-01","code_postal":"ABC"}""").Should().HaveCountGreaterThanOrEqualTo(2);
        serviceSchema.Validate("""{"source":"x","structure_id":"x","id":"y","nom":"Atelier","description":"Un atelier.","date_maj":"2026-01-01","frais":"cher"}""").Should().NotBeEmpty();

        var structures = JsonNode.Parse(await client.GetStringAsync("/api/open-data/data-inclusion/structures.json"))!.AsArray();
        var services = JsonNode.Parse(await client.GetStringAsync("/api/open-data/data-inclusion/services.json"))!.AsArray();
        structures.Count.Should().BeGreaterThanOrEqualTo(80);
        services.Count.Should().BeGreaterThanOrEqualTo(190);

        var errors = new List<string>();
        foreach (var (schema, records) in new[] { (structureSchema, structures), (serviceSchema, services) })
            foreach (var record in records)
                errors.AddRange(schema.Validate(record!.ToJsonString()).Select(e => $"{record["id"]}: {e.Path} {e.Kind}"));
        errors.Should().BeEmpty();

        // Each service's structure is in the export; identifiers are unique; the vocabularies' codes made it through.
        var ids = structures.Select(s => s!["id"]!.GetValue<string>()).ToHashSet();
        ids.Should().HaveCount(structures.Count);
        services.Should().OnlyContain(s => ids.Contains(s!["structure_id"]!.GetValue<string>()));
        services.Should().Contain(s => s!["thematiques"] != null && s["frais"] != null);
        structures.Should().Contain(s => s!["latitude"] != null && s["code_insee"] != null);

        // Contact, postcode and hours are sent where known; hours only in OpenStreetMap syntax, as the schema asks.
        structures.Should().Contain(s => s!["telephone"] != null && s["courriel"] != null && s["code_postal"] != null && s["horaires_accueil"] != null);
        services.Should().Contain(s => s!["code_postal"] != null && s["horaires_accueil"] != null);
        if (recipe == "seine-saint-denis")
            services.Should().Contain(s => s!["telephone"] != null && s["courriel"] != null && s["modes_mobilisation"] != null);
        var hours = structures.Concat(services).Select(r => r!["horaires_accueil"]?.GetValue<string>()).OfType<string>().ToList();
        hours.Where(h => Portal.Directory.OpeningHours.OpeningHoursParser.TryParse(h, out var _) == Portal.Directory.OpeningHours.OpeningHoursParser.Outcome.Invalid)
            .Should().BeEmpty("horaires_accueil is in OpenStreetMap syntax");
    }

    [Fact]
    public async Task The_export_command_writes_both_files_and_the_open_data_page_describes_them()
    {
        using var factory = new PortalFactory(recipe: "grande-region");
        using var client = factory.CreateClient();
        var directory = Path.Combine(factory.DataDirectory, "export");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var command = scope.ServiceProvider.GetServices<IPortalCommand>().Single(c => c.Name == "export");
            var output = new StringWriter();
            (await command.RunAsync(scope.ServiceProvider, ["data-inclusion", directory], output, new StringWriter())).Should().Be(0);
            output.ToString().Should().Contain("structures and");
            (await command.RunAsync(scope.ServiceProvider, ["nonsense"], new StringWriter(), new StringWriter())).Should().Be(64);
        }
        JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "structures.json")))!.AsArray().Should().NotBeEmpty();
        JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "services.json")))!.AsArray().Should().NotBeEmpty();

        var page = await client.GetStringAsync("/fr/donnees-ouvertes");
        page.Should().Contain("Licence Ouverte").And.Contain("/api/open-data/data-inclusion/structures.json").And.Contain("<html lang=\"fr\"");
        (await client.GetStringAsync("/de/offene-daten")).Should().Contain("Offene Daten").And.Contain("<html lang=\"de\"");
        var geojson = JsonNode.Parse(await client.GetStringAsync("/api/open-data/directory.geojson"))!;
        geojson["features"]!.AsArray().Should().HaveCountGreaterThan(300);
    }
}
