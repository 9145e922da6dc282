using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Portal.Core.Hosting;
using Portal.Embed.Data;
using Portal.Maps.Settings;
using Portal.Search.Engine;
using Portal.Search.Services;

namespace Portal.Embed.Services;

/// <summary>One result as a widget lists it: an absolute link to the entry on the portal.</summary>
public sealed record WidgetHit(string Title, string Url, string TypeLabel, IReadOnlyList<string> Details, string Snippet);

/// <summary>Everything a widget's markup needs, for the frame page and for the script's fragment alike.</summary>
public sealed record WidgetView(EmbedWidget Widget, string Culture, bool Frame, string? Text, int Total, int Page, int Pages,
    IReadOnlyList<WidgetHit> Hits, IReadOnlyList<FacetGroup> Facets, string? Error, string MapUrl, MapSettings Map, string Site)
{
    public string Palette => Palettes.Of(Widget.Palette).Name;
    /// <summary>Where the form is sent: the frame page itself (the script sends it to the fragment instead).</summary>
    public string FormAction => $"{Site}/embed/{Widget.Id}";
    public string? LinkTarget => Widget.NewTab ? "_blank" : Frame ? "_top" : null;
    public string PageQuery(int page, IQueryCollection request)
    {
        var values = request.Where(p => p.Key != "page").SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new("page", page.ToString(CultureInfo.InvariantCulture)));
        return QueryString.Create(values).Value!.TrimStart('?');
    }
}

/// <summary>Runs a widget's preset search with what its visitor typed and ticked (never past the preset's own filters).</summary>
public sealed class WidgetRenderer(SearchService search, PlaceSearch places, MapSettingsStore maps, PublicUrl publicUrl, Portal.Core.Localization.Cultures cultures)
{
    /// <summary>Facet values offered per facet in a widget.</summary>
    public const int FacetValues = 8;

    /// <summary>The language shown: the widget's own, else the host page's when the site has it, else the site's first.</summary>
    public string CultureOf(EmbedWidget widget, string? hostLang) =>
        widget.Culture.Length > 0 ? widget.Culture : cultures.OrDefault(hostLang?.Split('-')[0].ToLowerInvariant());

    /// <summary>True when the visitor searched or filtered (a search), false for the preset's first page (a load).</summary>
    public static bool IsSearch(IQueryCollection request) =>
        request.Keys.Any(k => k is "q" or "page" || k.StartsWith("f.", StringComparison.Ordinal));

    public async Task<WidgetView> RenderAsync(EmbedWidget widget, string culture, IQueryCollection request, bool frame, CancellationToken cancellationToken)
    {
        var preset = QueryHelpers.ParseQuery(widget.Query);
        var values = new Dictionary<string, StringValues>(preset, StringComparer.Ordinal);
        string? text = null;
        if (widget.SearchBox && request["q"] is { Count: > 0 } q && !string.IsNullOrWhiteSpace(q[0]))
        {
            text = q[0]!.Trim();
            values["q"] = preset.TryGetValue("q", out var presetText) ? $"{presetText} {text}" : text;
        }
        if (widget.Facets)
            foreach (var (key, chosen) in request)
                if (key.StartsWith("f.", StringComparison.Ordinal) && !preset.ContainsKey(key) && search.Options.FacetNames.Contains(key[2..]))
                    values[key] = chosen;
        var page = int.TryParse(request["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 500 ? p : 1;
        values["page"] = page.ToString(CultureInfo.InvariantCulture);
        values["pageSize"] = widget.PageSize.ToString(CultureInfo.InvariantCulture);

        var mapValues = values.Where(v => v.Key is not ("page" or "pageSize")).SelectMany(v => v.Value.Select(s => new KeyValuePair<string, string?>(v.Key, s)))
            .Prepend(new("culture", culture));
        var mapUrl = publicUrl.For("/api/map.geojson" + QueryString.Create(mapValues).Value);
        var map = await maps.GetAsync();

        var read = search.Read(new QueryCollection(values));
        var outcome = read.Query is null ? null : await places.SearchAsync(read, culture, cancellationToken);
        if (outcome?.Response is not { } response)
            return new WidgetView(widget, culture, frame, text, 0, 1, 1, [], [], read.Error ?? outcome?.Error, mapUrl, map, publicUrl.Base);
        var result = response.Result;
        var hits = result.Hits.Select(h => new WidgetHit(h.Title, h.Url.StartsWith('/') ? publicUrl.For(h.Url) : h.Url,
            response.TypeLabels.GetValueOrDefault(h.Type, h.Type), search.HitDetails(h, shortList: true).ToList(),
            string.Concat(h.Snippet.Select(s => s.Text)))).ToList();
        var facets = widget.Facets
            ? response.Facets.Where(f => !preset.ContainsKey("f." + f.Name) && f.Name != LuceneSearchIndex.TypeFacet && f.Values.Count > 0)
                .Select(f => f with { Values = f.Values.Where(v => v.Selected).Concat(f.Values.Where(v => !v.Selected).OrderByDescending(v => v.Count)).Take(Math.Max(FacetValues, f.Values.Count(v => v.Selected))).ToList() })
                .ToList()
            : [];
        var pages = Math.Max(1, (int)Math.Ceiling(Math.Min(result.Total, 10_000) / (double)widget.PageSize));
        return new WidgetView(widget, culture, frame, text, result.Total, page, pages, hits, facets, null, mapUrl, map, publicUrl.Base);
    }
}
