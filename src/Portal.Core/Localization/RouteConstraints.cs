using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Portal.Core.Localization;

/// <summary><c>{culture:culture}</c>: one of the catalogue's culture codes.</summary>
public sealed class CultureRouteConstraint(Cultures cultures) : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && cultures.IsSupported(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// <c>{segment:localized(search)}</c>: the segment of route <c>search</c> in one of the cultures, as the modules'
/// route tables declare it (the action redirects a segment of another culture to its own); several keys are
/// separated by |: <c>localized(Actor|Action)</c>.
/// </summary>
public sealed class LocalizedSegmentConstraint(string keys, IEnumerable<RouteTable> tables) : IRouteConstraint
{
    private readonly (RouteTable Table, string Key)[] _routes =
        keys.Split('|').SelectMany(k => tables.Where(t => t.Contains(k)).Select(t => (t, k))).ToArray();

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) is { } segment
        && _routes.Any(r => r.Table.Matches(r.Key, segment));
}

/// <summary>
/// <c>{segment:localizedexact(proposal)}</c>: the segment of route <c>proposal</c> in the culture of the route's
/// <c>culture</c> value only (/fr/proposer, /de/vorschlagen; not /fr/vorschlagen).
/// </summary>
public sealed class ExactLocalizedSegmentConstraint(string key, IEnumerable<RouteTable> tables) : IRouteConstraint
{
    private readonly RouteTable? _table = tables.FirstOrDefault(t => t.Contains(key));

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        _table is not null
        && values.TryGetValue(routeKey, out var value) && Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) is { } segment
        && values.TryGetValue("culture", out var culture) && Convert.ToString(culture, System.Globalization.CultureInfo.InvariantCulture) is { } code
        && string.Equals(_table.Segment(key, code), segment, StringComparison.OrdinalIgnoreCase);
}
