using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content.Parts;
using Portal.Core.Data;

namespace Portal.Directory.Search;

/// <summary>The addresses of the published entries, as the gazetteer reads them: commune as written, postcode, INSEE code and the entry's point.</summary>
internal sealed record EntryAddress(string? Commune, string? Postcode, string? Insee, double? Latitude, double? Longitude)
{
    public static async Task<List<EntryAddress>> ReadAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var types = DirectoryTypes.All.ToList();
        var part = nameof(AddressPart);
        var contents = await db.ContentItems.AsNoTracking()
            .Where(i => i.Published && types.Contains(i.ContentType) && i.Content.Contains(part))
            .Select(i => new { i.ContentType, i.Content }).ToListAsync(cancellationToken);
        var addresses = new List<EntryAddress>(contents.Count);
        foreach (var item in contents)
        {
            using var json = JsonDocument.Parse(item.Content);
            var root = json.RootElement;
            if (!root.TryGetProperty(part, out var address) || address.ValueKind != JsonValueKind.Object) continue;
            var location = root.TryGetProperty(item.ContentType, out var own) && own.ValueKind == JsonValueKind.Object && own.TryGetProperty("Location", out var l) ? l : default;
            addresses.Add(new EntryAddress(Text(address, nameof(AddressPart.Commune)), Text(address, nameof(AddressPart.Postcode)), Text(address, nameof(AddressPart.InseeCode)),
                Number(location, "Latitude"), Number(location, "Longitude")));
        }
        return addresses;
    }

    private static string? Text(JsonElement part, string field) =>
        part.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Object && value.TryGetProperty("Text", out var text)
            && text.ValueKind == JsonValueKind.String && text.GetString() is { Length: > 0 } s ? s.Trim() : null;

    private static double? Number(JsonElement point, string name) =>
        point.ValueKind == JsonValueKind.Object && point.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
