using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Core.Content.Parts;
using Portal.Core.Data;
using Portal.Directory.OpeningHours;
using Portal.Directory.Services;
using Portal.Taxonomies.Fields;
using Portal.Taxonomies.Services;

namespace Portal.Directory.Handlers;

/// <summary>Checks what field settings cannot (identifiers, postcode and commune, dates), and lets offers inherit their actor's place.</summary>
public sealed class DirectoryEntryHandler(Portal.Core.Localization.Cultures cultures, PortalDbContext db, VocabularyStore vocabularies, ContentWriteBatch batch) : IContentHandler
{
    public int Order => -50;

    /// <summary>In a bulk write, the place (position and address) of every actor, read once for the batch.</summary>
    private Dictionary<string, (JsonObject? Location, JsonObject? Address)>? _places;
    private int _placesOf;

    public async Task UpdatingAsync(ContentContext context)
    {
        var item = context.Item;
        // An actor written in a bulk write may move: the places read for the batch are read again when next needed.
        if (item.ContentType == DirectoryTypes.Actor) _places = null;
        if (item.ContentType is not (DirectoryTypes.Action or DirectoryTypes.AidantSupport)) return;
        var actorId = ContentPickerFieldType.Ids(item.Field(item.ContentType, "Actor")).FirstOrDefault();
        if (actorId is null) return;
        var needsPlace = item.Field(item.ContentType, "Location") is null;
        var needsAddress = IsEmpty(item.Part(BuiltInParts.Address));
        if (!needsPlace && !needsAddress) return;

        (JsonObject? Location, JsonObject? Address) place;
        if (batch.Active)
        {
            if (_places is null || _placesOf != batch.Generation) (_places, _placesOf) = (await PlacesAsync(), batch.Generation);
            if (!_places.TryGetValue(actorId, out place)) return;
        }
        else
        {
            var actorContent = await db.ContentItems.AsNoTracking().Where(i => i.ContentItemId == actorId && i.Latest).Select(i => i.Content).SingleOrDefaultAsync();
            if (actorContent is null || JsonNode.Parse(actorContent) is not JsonObject actor) return;
            place = PlaceOf(actor);
        }
        // An offer takes place at its actor's unless it says otherwise.
        if (needsPlace && place.Location is { } location)
            item.GetOrCreatePart(item.ContentType)["Location"] = location.DeepClone();
        if (needsAddress && place.Address is { } address && !IsEmpty(address))
            item.Data[BuiltInParts.Address] = address.DeepClone();
    }

    private static (JsonObject? Location, JsonObject? Address) PlaceOf(JsonObject actor) =>
        (actor[DirectoryTypes.Actor]?["Location"] as JsonObject, actor[BuiltInParts.Address] as JsonObject);

    /// <summary>The latest place of every actor, streamed: only the position and the address of each are kept.</summary>
    private async Task<Dictionary<string, (JsonObject?, JsonObject?)>> PlacesAsync()
    {
        var places = new Dictionary<string, (JsonObject?, JsonObject?)>(StringComparer.Ordinal);
        var rows = db.ContentItems.AsNoTracking().Where(i => i.ContentType == DirectoryTypes.Actor && i.Latest).Select(i => new { i.ContentItemId, i.Content }).AsAsyncEnumerable();
        await foreach (var row in rows)
            if (JsonNode.Parse(row.Content) is JsonObject actor)
            {
                var (location, address) = PlaceOf(actor);
                places[row.ContentItemId] = ((JsonObject?)location?.DeepClone(), (JsonObject?)address?.DeepClone());
            }
        return places;
    }

    private static bool IsEmpty(JsonObject? part) => part is null || part.All(p => p.Value is null || p.Value is JsonObject o && o.Count == 0);

    public async Task ValidatingAsync(ContentValidateContext context)
    {
        var item = context.Item;
        if (!DirectoryTypes.IsDirectoryType(item.ContentType)) return;
        var T = context.T;
        string? Text(string part, string field) => item.Field(part, field)?["Text"]?.GetValue<string>();

        if (item.ContentType == DirectoryTypes.Actor)
        {
            if (Text(DirectoryTypes.Actor, "Siret") is { } siret && !Identifiers.IsValidSiret(siret))
                context.Result.Add("Actor.Siret", T["The SIRET {0} is not valid: it must be 14 digits with a correct check digit.", siret]);
            if (Text(DirectoryTypes.Actor, "Finess") is { } finess && !Identifiers.IsValidFiness(finess))
                context.Result.Add("Actor.Finess", T["The FINESS number {0} is not valid: it must be 9 characters, such as 930000123.", finess]);
        }
        if (Text(item.ContentType, "OpeningHours") is { } hours && OpeningHoursParser.TryParse(hours, out _) == OpeningHoursParser.Outcome.Invalid)
            context.Result.Add($"{item.ContentType}.OpeningHours", T["\"{0}\" cannot be read as opening hours. Write the days as Mo Tu We Th Fr Sa Su, the times as 09:00-12:00, a semicolon between rules and a remark in quotes, such as: Mo-Fr 09:00-12:00,14:00-17:00; PH off \"sur rendez-vous\".", hours]);

        if (Text(BuiltInParts.Address, "Postcode") is { } postcode && (Text(BuiltInParts.Address, "Country") ?? "FR") == "FR")
        {
            var insee = Text(BuiltInParts.Address, "InseeCode") ?? await TerritoryInseeAsync(item);
            if (insee is not null && !Identifiers.PostcodeMatchesCommune(postcode, insee))
                context.Result.Add("AddressPart.Postcode", T["The postcode {0} does not belong to the commune's département (INSEE code {1}).", postcode, insee]);
        }

        await WarnWhenFarAsync(context);

        if (item.ContentType == DirectoryTypes.Action
            && item.Field(DirectoryTypes.Action, "StartDate")?["Value"]?.GetValue<string>() is { } start
            && item.Field(DirectoryTypes.Action, "EndDate")?["Value"]?.GetValue<string>() is { } end
            && string.CompareOrdinal(end, start) < 0)
            context.Result.Add("Action.EndDate", T["The end date comes before the start date."]);
    }

    /// <summary>A point far from the commune (or region) it says it is in is probably a typo: said, but not refused.</summary>
    private async Task WarnWhenFarAsync(ContentValidateContext context)
    {
        var item = context.Item;
        if (GeoPointFieldType.Read(item.Field(item.ContentType, "Location")) is not { } point) return;
        var territories = await vocabularies.GetAsync("territories");
        if (territories is null) return;
        var insee = item.Field(BuiltInParts.Address, "InseeCode")?["Text"]?.GetValue<string>();
        var slug = TaxonomyTermsFieldType.Terms(item.Field(item.ContentType, item.ContentType == DirectoryTypes.Actor ? "Territory" : "EligibilityZone")).FirstOrDefault();
        var term = (insee is null ? null : territories.Terms.FirstOrDefault(t => t.Codes.GetValueOrDefault("insee") == insee)) ?? (slug is null ? null : territories.Find(slug));
        if (term?.Latitude is not { } lat || term.Longitude is not { } lon) return;
        // A commune of the 93 or the 57 is a few kilometres across; a Grande Région territory, a hundred or so.
        var limit = term.Codes.ContainsKey("insee") && term.Codes["insee"].Length == 5 ? 15 : 150;
        var distance = Kilometres(point.Latitude, point.Longitude, lat, lon);
        if (distance > limit)
            context.Result.Warn($"{item.ContentType}.Location", context.T["The position is {0:0} km from the centre of {1}: check it.", distance, term.DefaultLabel(cultures)]);
    }

    private static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        const double radius = 6371;
        double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 2 * radius * Math.Asin(Math.Sqrt(a));
    }

    private async Task<string?> TerritoryInseeAsync(ContentItem item)
    {
        if (item.ContentType != DirectoryTypes.Actor) return null;
        var slug = TaxonomyTermsFieldType.Terms(item.Field(DirectoryTypes.Actor, "Territory")).FirstOrDefault();
        if (slug is null) return null;
        var territories = await vocabularies.GetAsync("territories");
        return territories?.Find(slug)?.Codes.GetValueOrDefault("insee") is { Length: 5 } insee ? insee : null;
    }
}
