using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Localization;

namespace Portal.Contents.Controllers;

/// <summary>
/// The read API for other sites and scripts: published items only, by type and culture, paged.
/// GET /api/content?type=Actor&amp;culture=fr&amp;page=1&amp;pageSize=50 and GET /api/content/{id}?culture=fr.
/// </summary>
[ApiController, AllowAnonymous]
[EnableCors(Portal.Core.Hosting.PublicApi.CorsPolicy), EnableRateLimiting(Portal.Core.Hosting.PublicApi.RateLimitPolicy)]
[Route("api/content"), IgnoreAntiforgeryToken]
public sealed class ContentApiController(Portal.Core.Localization.Cultures cultures, PortalDbContext db, IContentDefinitionStore definitions) : ControllerBase
{
    public const int MaxPageSize = 100;

    [HttpGet(""), ProducesResponseType<ContentApiPage>(200), ProducesResponseType<ProblemDetails>(400)]
    public async Task<IActionResult> List([FromQuery] string? type, [FromQuery] string? culture, [FromQuery] string? page, [FromQuery] string? pageSize)
    {
        var types = (await definitions.ListTypesAsync()).Where(t => t.Listable).Select(t => t.Name).ToList();
        if (type is not null && !types.Contains(type)) return Problem400($"Unknown type '{type}'. Known types: {string.Join(", ", types)}.");
        if (culture is not null && !cultures.IsSupported(culture)) return Problem400($"Unknown culture '{culture}': use {string.Join(" or ", cultures.Supported)}.");
        if (!TryInt(page, 1, 1, QueryValues.MaxPage, out var pageNumber)) return Problem400($"page must be a whole number from 1 to {QueryValues.MaxPage}.");
        if (!TryInt(pageSize, 50, 1, MaxPageSize, out var size)) return Problem400($"pageSize must be a whole number from 1 to {MaxPageSize}.");

        var query = db.ContentItems.AsNoTracking().Where(i => i.Published && types.Contains(i.ContentType));
        if (type is not null) query = query.Where(i => i.ContentType == type);
        if (culture is not null) query = query.Where(i => i.Culture == culture || i.Culture == "");
        var total = await query.CountAsync();
        var items = await query.OrderBy(i => i.DisplayText).ThenBy(i => i.Id).Skip(QueryValues.Offset(pageNumber, size)).Take(size).ToListAsync();
        var described = new List<ContentApiItem>();
        foreach (var item in items) described.Add(await DescribeAsync(item, culture));
        return Ok(new ContentApiPage(total, pageNumber, size, described));
    }

    [HttpGet("{id}"), ProducesResponseType<ContentApiItem>(200), ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404)]
    public async Task<IActionResult> Get(string id, [FromQuery] string? culture)
    {
        if (culture is not null && !cultures.IsSupported(culture)) return Problem400($"Unknown culture '{culture}': use {string.Join(" or ", cultures.Supported)}.");
        if (!IdGenerator.IsValid(id)) return Problem400("The id is not a content item id.");
        var item = await db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.ContentItemId == id && i.Published);
        // Asked in another culture: the translation of the same item, when there is one.
        if (item is not null && culture is not null && item.Culture != "" && item.Culture != culture)
            item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.LocalizationSet == item.LocalizationSet && i.Culture == culture && i.Published);
        if (item is null || !(await definitions.GetTypeAsync(item.ContentType))?.Listable == true)
            return NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"No published item {id}" + (culture is null ? "." : $" in '{culture}'.") });
        return Ok(await DescribeAsync(item, culture));
    }

    private async Task<ContentApiItem> DescribeAsync(ContentItem item, string? culture)
    {
        var fields = (JsonObject)item.Data.DeepClone();
        foreach (var (part, field) in await PrivateFieldsAsync(item.ContentType))
            if (fields[part] is JsonObject values) values.Remove(field);
        var itemCulture = string.IsNullOrEmpty(item.Culture) ? culture ?? cultures.Default : item.Culture;
        return new ContentApiItem(item.ContentItemId, item.ContentType, string.IsNullOrEmpty(item.Culture) ? null : item.Culture, item.DisplayText,
            item.Path is null ? null : $"/{itemCulture}/{item.Path}", item.ModifiedUtc, item.PublishedUtc, LastVerified(item.Data), item.LocalizationSet, fields);
    }

    private readonly Dictionary<string, List<(string Part, string Field)>> _privateFields = [];

    /// <summary>Fields whose settings say "Private" (e.g. an online event's link, for registrants only) never leave through the API.</summary>
    private async Task<List<(string Part, string Field)>> PrivateFieldsAsync(string contentType)
    {
        if (_privateFields.TryGetValue(contentType, out var known)) return known;
        var found = new List<(string Part, string Field)>();
        if (await definitions.GetTypeAsync(contentType) is { } type)
            foreach (var (typePart, part) in await definitions.GetPartsOfAsync(type))
                foreach (var field in part.Fields.Where(f => f.Settings.Extra?["Private"] is JsonValue v && v.TryGetValue<bool>(out var isPrivate) && isPrivate))
                    found.Add((typePart.Name, field.Name));
        return _privateFields[contentType] = found;
    }

    /// <summary>The date of a field named LastVerified, in whichever part carries it.</summary>
    private static string? LastVerified(JsonObject data) =>
        data.Select(p => p.Value?["LastVerified"]?["Value"]).OfType<JsonValue>().Select(v => v.GetValue<string>()).FirstOrDefault();

    private static bool TryInt(string? text, int fallback, int min, int max, out int value)
    {
        value = fallback;
        return text is null || int.TryParse(text, out value) && value >= min && value <= max;
    }

    private ObjectResult Problem400(string detail) =>
        BadRequest(new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Bad request", Detail = detail });
}

/// <summary>GET /api/content: one page of published items.</summary>
public sealed record ContentApiPage(int Total, int Page, int PageSize, IReadOnlyList<ContentApiItem> Items);

/// <summary>A published item: its identity, address, dates and public fields by part (private fields left out).</summary>
public sealed record ContentApiItem(string Id, string Type, string? Culture, string Title, string? Url, DateTime ModifiedUtc, DateTime? PublishedUtc,
    string? LastVerified, string? LocalizationSet, JsonObject Fields);
