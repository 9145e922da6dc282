using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Localization;
using Portal.Directory;

namespace Portal.ImportExport.Controllers;

/// <summary>The open datasets (Licence Ouverte 2.0) and the page that describes them.</summary>
[AllowAnonymous]
public sealed class OpenDataController(DataInclusionExporter exporter, PortalDbContext db, IContentDefinitionStore definitions, IOptions<OpenDataOptions> options, PublicUrl publicUrl, Cultures cultures) : Controller
{
    public static string PagePath(string culture) => OpenDataRoutes.Table.Path(OpenDataRoutes.OpenData, culture);

    private string Site => publicUrl.Base;

    [EnableCors(Portal.Core.Hosting.PublicApi.CorsPolicy), EnableRateLimiting(Portal.Core.Hosting.PublicApi.RateLimitPolicy)]
    [HttpGet("/api/open-data/data-inclusion/structures.json"), ApiExplorerSettings(IgnoreApi = false), ProducesResponseType<IReadOnlyList<DataInclusionRecord>>(200)]
    public async Task<IActionResult> Structures() => Json((await exporter.ExportAsync(options.Value.Source, Site)).Structures);

    [EnableCors(Portal.Core.Hosting.PublicApi.CorsPolicy), EnableRateLimiting(Portal.Core.Hosting.PublicApi.RateLimitPolicy)]
    [HttpGet("/api/open-data/data-inclusion/services.json"), ApiExplorerSettings(IgnoreApi = false), ProducesResponseType<IReadOnlyList<DataInclusionRecord>>(200)]
    public async Task<IActionResult> Services() => Json((await exporter.ExportAsync(options.Value.Source, Site)).Services);

    /// <summary>Every published entry with a position, in its language, as GeoJSON.</summary>
    [EnableCors(Portal.Core.Hosting.PublicApi.CorsPolicy), EnableRateLimiting(Portal.Core.Hosting.PublicApi.RateLimitPolicy)]
    [HttpGet("/api/open-data/directory.geojson"), ApiExplorerSettings(IgnoreApi = false), ProducesResponseType<DirectoryFeatureCollection>(200, "application/geo+json")]
    public async Task GeoJson()
    {
        var items = await db.ContentItems.AsNoTracking().Where(i => i.Published && DirectoryTypes.All.Contains(i.ContentType) && i.Path != null)
            .OrderBy(i => i.Id).ToListAsync();
        var labels = new Dictionary<string, string>();
        foreach (var type in DirectoryTypes.All) labels[type] = (await definitions.GetTypeAsync(type))?.DisplayName.For(cultures.Default, cultures) ?? type;
        Response.ContentType = "application/geo+json; charset=utf-8";
        await using var json = new Utf8JsonWriter(Response.Body);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteString("license", "Licence Ouverte 2.0 (etalab-2.0)");
        json.WriteStartArray("features");
        foreach (var item in items)
        {
            if (GeoPointFieldType.Read(item.Field(item.ContentType, "Location")) is not { } point) continue;
            var culture = item.Culture == "" ? cultures.Default : item.Culture;
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(Math.Round(point.Longitude, 6));
            json.WriteNumberValue(Math.Round(point.Latitude, 6));
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("id", item.ContentItemId);
            json.WriteString("type", item.ContentType);
            json.WriteString("typeLabel", labels[item.ContentType]);
            json.WriteString("title", item.DisplayText);
            json.WriteString("culture", culture);
            json.WriteString("url", $"{Site}/{culture}/{item.Path}");
            if (item.As<Portal.Core.Content.Parts.AddressPart>().Commune.Text is { } commune) json.WriteString("commune", commune);
            if (item.Field(DirectoryTypes.EntryPart, "LastVerified")?["Value"]?.GetValue<string>() is { } verified) json.WriteString("lastVerified", verified);
            json.WriteString("modified", item.ModifiedUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync();
    }

    [HttpGet("/{culture:culture}/{segment:localized(open-data)}")]
    public async Task<IActionResult> Page(string culture, string segment)
    {
        if (PagePath(culture) != $"/{culture}/{segment}") return RedirectPermanent(PagePath(culture));
        ViewData["Alternates"] = cultures.Supported.ToDictionary(c => c, PagePath);
        var export = await exporter.ExportAsync(options.Value.Source, Site);
        return View("Index", new OpenDataModel(culture, export.Structures.Count, export.Services.Count));
    }
}

public sealed record OpenDataModel(string Culture, int Structures, int Services);
