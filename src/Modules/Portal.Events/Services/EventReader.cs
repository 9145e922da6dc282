using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Core.Content.Parts;
using Portal.Events.Fields;
using Portal.Events.Models;
using Portal.Taxonomies.Fields;
using F = Portal.Events.EventTypes.Fields;

namespace Portal.Events.Services;

/// <summary>Reads an Event item's fields into <see cref="EventDetails"/>: one place that knows the JSON shapes.</summary>
public static class EventReader
{
    public static EventDetails Read(ContentItem item, string culture)
    {
        JsonNodeOf Field(string name) => new(item.Field(EventTypes.Part, name));
        var address = item.As<AddressPart>();
        return new EventDetails
        {
            Item = item,
            Culture = string.IsNullOrEmpty(item.Culture) ? culture : item.Culture,
            Url = $"/{(string.IsNullOrEmpty(item.Culture) ? culture : item.Culture)}/{item.Path}",
            Summary = Field(F.Summary).Text("Text"),
            Description = Field(F.Description).Text("Markdown"),
            Sessions = EventSessionsFieldType.Read(item.Field(EventTypes.Part, F.Sessions)),
            Status = Field(F.Status).Text("Text") ?? EventStatuses.Scheduled,
            Online = Field(F.Online).Bool(),
            Street = address.Street.Text,
            Postcode = address.Postcode.Text,
            Commune = address.Commune.Text,
            Country = address.Country.Text,
            Point = GeoPointFieldType.Read(item.Field(EventTypes.Part, F.Location)),
            OrganiserId = ContentPickerFieldType.Ids(item.Field(EventTypes.Part, F.Organiser)).FirstOrDefault(),
            Domains = TaxonomyTermsFieldType.Terms(item.Field(EventTypes.Part, F.Domains)),
            Audiences = TaxonomyTermsFieldType.Terms(item.Field(EventTypes.Part, F.Audiences)),
            Accessibility = TaxonomyTermsFieldType.Terms(item.Field(EventTypes.Part, F.Accessibility)),
            Languages = TaxonomyTermsFieldType.Terms(item.Field(EventTypes.Part, F.Languages)),
            Price = FieldValues.Decimal(item.Field(EventTypes.Part, F.Price), "Value"),
            PriceDetails = Field(F.PriceDetails).Text("Text"),
            Capacity = FieldValues.Decimal(item.Field(EventTypes.Part, F.Capacity), "Value") is { } capacity ? (int)capacity : null,
            RegistrationOpens = Field(F.RegistrationOpens).Date(),
            RegistrationCloses = Field(F.RegistrationCloses).Date(),
            Report = Field(F.Report).Text("Markdown"),
            Sample = Field(F.Sample).Bool(),
        };
    }

    private readonly record struct JsonNodeOf(System.Text.Json.Nodes.JsonNode? Value)
    {
        public string? Text(string property) => FieldValues.String(Value, property);
        public bool Bool() => Value?["Value"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<bool>(out var b) && b;
        public DateTime? Date() => EventSession.TryParse(Text("Value"), out var date) ? date : null;
    }
}
