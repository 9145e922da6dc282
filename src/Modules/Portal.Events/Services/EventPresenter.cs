using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Events.Models;
using Portal.Taxonomies.Services;

namespace Portal.Events.Services;

/// <summary>What the event pages show besides the fields: the organiser's name and page, term labels and schema.org data.</summary>
public sealed class EventPresenter(PortalDbContext db, VocabularyStore vocabularies, PublicUrl site, Portal.Core.Localization.Cultures cultures)
{
    public async Task<Organiser?> OrganiserAsync(string? id, string culture)
    {
        if (id is null) return null;
        var actor = await db.ContentItems.AsNoTracking().Where(i => i.ContentItemId == id && i.Published).FirstOrDefaultAsync();
        if (actor is null) return null;
        // The picker points at one language's actor; a page in another language names its translation.
        if (actor.Culture != culture && actor.Culture != "" && actor.LocalizationSet is { } set)
            actor = await db.ContentItems.AsNoTracking().Where(i => i.LocalizationSet == set && i.Culture == culture && i.Published).FirstOrDefaultAsync() ?? actor;
        var actorCulture = string.IsNullOrEmpty(actor.Culture) ? culture : actor.Culture;
        return new Organiser(id, actor.DisplayText, actor.Path is null ? null : $"/{actorCulture}/{actor.Path}");
    }

    /// <summary>The labels of <paramref name="slugs"/> in the vocabulary, in the page's language (the slug when a term is gone).</summary>
    public async Task<IReadOnlyList<string>> LabelsAsync(string vocabulary, IEnumerable<string> slugs, string culture)
    {
        var found = await vocabularies.GetAsync(vocabulary);
        return slugs.Select(s => found?.Find(s)?.LabelFor(culture, cultures) ?? s).ToList();
    }

    /// <summary>The terms of a vocabulary as (slug, label), for the agenda's filters.</summary>
    public async Task<IReadOnlyList<(string Slug, string Label)>> TermsAsync(string vocabulary, string culture) =>
        (await vocabularies.GetAsync(vocabulary))?.Terms.Select(t => (t.Slug, t.LabelFor(culture, cultures))).ToList() ?? [];

    /// <summary>schema.org Event (one per session when there are several, as a list); JSON escapes "&lt;" so it cannot close its script element.</summary>
    public string JsonLd(EventDetails details, Organiser? organiser, string? descriptionText)
    {
        var nodes = details.Sessions.Select(session =>
        {
            var node = new JsonObject
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "Event",
                ["name"] = details.Title,
                ["url"] = site.For(details.Url),
                ["inLanguage"] = details.Culture,
                ["startDate"] = session.StartOffset.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture),
                ["endDate"] = session.EndOffset.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture),
                ["eventStatus"] = "https://schema.org/" + details.Status switch
                {
                    EventStatuses.Cancelled => "EventCancelled",
                    EventStatuses.Postponed => "EventPostponed",
                    _ => "EventScheduled",
                },
                ["eventAttendanceMode"] = "https://schema.org/" + (details.Online ? "OnlineEventAttendanceMode" : "OfflineEventAttendanceMode"),
            };
            if ((details.Summary ?? descriptionText) is { } description) node["description"] = description;
            node["location"] = details.Online ? new JsonObject { ["@type"] = "VirtualLocation", ["url"] = site.For(details.Url) } : Place(details);
            if (organiser is not null)
                node["organizer"] = new JsonObject { ["@type"] = "Organization", ["name"] = organiser.Name, ["url"] = organiser.Url is null ? null : site.For(organiser.Url) };
            if (details.Price is { } price)
                node["offers"] = new JsonObject { ["@type"] = "Offer", ["price"] = price, ["priceCurrency"] = "EUR", ["url"] = site.For(details.Url) };
            if (details.Capacity is { } capacity) node["maximumAttendeeCapacity"] = capacity;
            return (JsonNode)node;
        }).ToArray();
        JsonNode root = nodes.Length == 1 ? nodes[0] : new JsonArray(nodes);
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static JsonObject Place(EventDetails details)
    {
        var place = new JsonObject { ["@type"] = "Place", ["name"] = details.Commune ?? details.Address ?? details.Title };
        if (details.Address is not null)
        {
            var postal = new JsonObject { ["@type"] = "PostalAddress" };
            if (details.Street is { } street) postal["streetAddress"] = street;
            if (details.Postcode is { } postcode) postal["postalCode"] = postcode;
            if (details.Commune is { } commune) postal["addressLocality"] = commune;
            postal["addressCountry"] = details.Country ?? "FR";
            place["address"] = postal;
        }
        if (details.Point is { } p) place["geo"] = new JsonObject { ["@type"] = "GeoCoordinates", ["latitude"] = p.Latitude, ["longitude"] = p.Longitude };
        return place;
    }
}
