using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;
using Portal.Embed.Data;
using Portal.Search.Services;

namespace Portal.Embed.Services;

/// <summary>What the back-office form sends for a widget, kept as typed when it is refused.</summary>
public sealed class WidgetForm
{
    public string? Name { get; set; }
    public string? Query { get; set; }
    public WidgetDisplay Display { get; set; }
    public bool SearchBox { get; set; }
    public bool Facets { get; set; }
    public string? Culture { get; set; }
    public string? PageSize { get; set; }
    public string? Palette { get; set; }
    public bool NewTab { get; set; }
    public string? Origins { get; set; }

    public static WidgetForm From(EmbedWidget w) => new()
    {
        Name = w.Name, Query = w.Query, Display = w.Display, SearchBox = w.SearchBox, Facets = w.Facets, Culture = w.Culture,
        PageSize = w.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), Palette = w.Palette, NewTab = w.NewTab, Origins = w.Origins,
    };
}

/// <summary>Reads, checks and writes widget definitions.</summary>
public sealed class WidgetStore(EmbedDbContext db, SearchService search, Portal.Core.Localization.Cultures cultures, TimeProvider time, IStringLocalizer<WidgetStore> T)
{
    public const int MaxPageSize = 50;
    public const int MaxOrigins = 20;

    /// <summary>Parameters a preset may not hold: the widget decides them.</summary>
    private static readonly string[] Reserved = ["culture", "page", "pageSize", "lang"];

    public Task<List<EmbedWidget>> ListAsync(CancellationToken cancellationToken = default) =>
        db.Widgets.AsNoTracking().OrderBy(w => w.Name).ToListAsync(cancellationToken);

    public Task<EmbedWidget?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        db.Widgets.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);

    /// <summary>Checks the form; on success saves it (a new widget when <paramref name="id"/> is null) and returns its id.</summary>
    public async Task<(string? Id, Dictionary<string, string> Errors)> SaveAsync(string? id, WidgetForm form, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        var name = form.Name?.Trim() ?? "";
        if (name.Length == 0) errors["Name"] = T["Give the widget a name."];
        else if (name.Length > 100) errors["Name"] = T["The name is limited to {0} characters.", 100];

        var query = (form.Query ?? "").Trim().TrimStart('?');
        if (query.Length > 1000) errors["Query"] = T["The search parameters are limited to {0} characters.", 1000];
        else
        {
            var values = QueryHelpers.ParseQuery(query);
            if (values.Keys.FirstOrDefault(k => Reserved.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } reserved)
                errors["Query"] = T["Leave out {0}: the widget sets it.", reserved];
            else if (search.Read(new QueryCollection(values)).Error is { } error)
                errors["Query"] = T["These search parameters cannot be read: {0}", error];
        }
        if (!Enum.IsDefined(form.Display)) errors["Display"] = T["Choose what the widget shows."];
        var culture = form.Culture ?? "";
        if (culture.Length > 0 && !cultures.IsSupported(culture)) errors["Culture"] = T["Choose a language of the site, or the host page's."];
        if (!int.TryParse(form.PageSize, out var pageSize) || pageSize is < 1 or > MaxPageSize)
            errors["PageSize"] = T["The number of results per page is a whole number from 1 to {0}.", MaxPageSize];
        if (Palettes.All.All(p => p.Name != form.Palette)) errors["Palette"] = T["Choose one of the colours."];
        var origins = (form.Origins ?? "").Split(['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(o => o.TrimEnd('/')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (origins.FirstOrDefault(o => !SecurityHeaders.IsOrigin(o)) is { } wrong)
            errors["Origins"] = T["\"{0}\" is not an origin: write the scheme and the host only, such as https://www.example.org.", wrong];
        else if (origins.Count > MaxOrigins) errors["Origins"] = T["At most {0} sites may embed a widget.", MaxOrigins];
        if (errors.Count > 0) return (null, errors);

        var now = time.GetUtcNow().UtcDateTime;
        var widget = id is null ? null : await db.Widgets.SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (widget is null)
        {
            widget = new EmbedWidget { Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), CreatedUtc = now };
            db.Widgets.Add(widget);
        }
        widget.Name = name;
        widget.Query = query;
        widget.Display = form.Display;
        widget.SearchBox = form.SearchBox;
        widget.Facets = form.Facets;
        widget.Culture = culture;
        widget.PageSize = pageSize;
        widget.Palette = form.Palette!;
        widget.NewTab = form.NewTab;
        widget.Origins = string.Join('\n', origins.Select(o => o.ToLowerInvariant()));
        widget.ModifiedUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        return (widget.Id, errors);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var deleted = await db.Widgets.Where(w => w.Id == id).ExecuteDeleteAsync(cancellationToken);
        await db.Usage.Where(u => u.WidgetId == id).ExecuteDeleteAsync(cancellationToken);
        return deleted > 0;
    }
}
