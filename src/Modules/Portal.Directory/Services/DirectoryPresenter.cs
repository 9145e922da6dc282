using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Core.Content.Parts;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Directory.OpeningHours;
using Portal.Directory.ViewModels;
using Portal.Taxonomies.Fields;
using Portal.Taxonomies.Services;

namespace Portal.Directory.Services;

/// <summary>Arranges a directory item for its public page, and writes its schema.org description.</summary>
public sealed class DirectoryPresenter(Portal.Core.Localization.Cultures cultures, PortalDbContext db, PublishedContentReads published, ActorOffers actorOffers, VocabularyStore vocabularies, IContentDefinitionStore definitions, IHtmlCleaner cleaner, TimeProvider clock, IStringLocalizer<DirectoryPresenter> T)
{
    /// <param name="siteUrl">Scheme and host of the site, for the absolute addresses of the JSON-LD.</param>
    public async Task<DirectoryItemViewModel> PresentAsync(ContentItem item, string culture, string siteUrl = "")
    {
        var type = item.ContentType;
        var own = item.Part(type) ?? new JsonObject();
        string? Text(JsonObject? part, string field) => part?[field]?["Text"]?.GetValue<string>();
        async Task<IReadOnlyList<DisplayValue>> TermsAsync(string field, string vocabulary)
        {
            var v = await vocabularies.GetAsync(vocabulary);
            return TaxonomyTermsFieldType.Terms(own[field]).Select(s => new DisplayValue(v?.Find(s)?.LabelFor(culture, cultures) ?? s)).ToList();
        }
        var sections = new List<DisplaySection>();
        OpeningHoursDisplay? hours = null;
        void Add(string id, string heading, params (string Label, IReadOnlyList<DisplayValue> Values)[] rows)
        {
            var filled = rows.Where(r => r.Values.Count > 0).Select(r => new DisplayRow(r.Label, r.Values)).ToList();
            var sectionHours = id == "when" ? hours : null;
            if (filled.Count > 0 || sectionHours is not null) sections.Add(new DisplaySection(id, heading, filled) { Hours = sectionHours });
        }
        static IReadOnlyList<DisplayValue> One(string? text, string? href = null) => text is null ? [] : [new DisplayValue(text, href)];

        // What
        if (type == DirectoryTypes.Actor)
            Add("what", T["What"], (T["Type of organisation"], await TermsAsync("Typology", "structure-types")), (T["Networks"], One(Text(own, "Networks"))),
                (T["SIRET"], One(Text(own, "Siret"))), (T["FINESS number"], One(Text(own, "Finess"))));
        else if (type == DirectoryTypes.Action)
            Add("what", T["What"], (T["Domains"], await TermsAsync("Domains", "domains")));
        else
            Add("what", T["What"], (T["Type of support"], await TermsAsync("SupportTypes", "support-types")));

        // For whom
        if (type == DirectoryTypes.Action)
            Add("whom", T["For whom"], (T["Disabilities welcomed"], await TermsAsync("DisabilityTypes", "disability-types")), (T["Audiences"], await TermsAsync("Audiences", "audiences")),
                (T["Languages"], await TermsAsync("Languages", "languages")));
        if (type == DirectoryTypes.AidantSupport)
            Add("whom", T["For whom"], (T["Caregivers of"], await TermsAsync("CaredFor", "cared-for")), (T["Reception"], await TermsAsync("ReceptionModes", "reception-modes")));

        // Where
        var address = item.As<AddressPart>();
        var addressText = string.Join(", ", new[] { address.Street.Text, string.Join(" ", new[] { address.Postcode.Text, address.Commune.Text }.Where(s => !string.IsNullOrEmpty(s))) }.Where(s => !string.IsNullOrEmpty(s)));
        var location = GeoPointFieldType.Read(own["Location"]);
        Add("where", T["Where"], (T["Address"], One(addressText.Length == 0 ? null : addressText)),
            (T["Getting there"], location is { } at ? ContactLinks.Directions(at, T) : []),
            (T["Commune or territory"], type == DirectoryTypes.Actor ? await TermsAsync("Territory", "territories") : []),
            (T["Eligibility zone"], type != DirectoryTypes.Actor ? await TermsAsync("EligibilityZone", "territories") : []));

        // When
        if (Text(own, "OpeningHours") is { } openingHours)
            hours = OpeningHoursDisplay.For(OpeningHoursParser.Parse(openingHours), culture, T, clock.GetUtcNow());
        if (type != DirectoryTypes.Action)
            Add("when", T["When"]);
        if (type == DirectoryTypes.Action)
        {
            var format = CultureInfo.GetCultureInfo(culture);
            string? Date(string field) => DateTime.TryParse(own[field]?["Value"]?.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("D", format) : null;
            var recurrence = Text(own, "Recurrence");
            var recurrenceLabel = (await definitions.GetPartAsync(DirectoryTypes.Action))?.Fields.FirstOrDefault(f => f.Name == "Recurrence")?.Settings.Options.FirstOrDefault(o => o.Value == recurrence)?.LabelFor(culture, cultures);
            Add("when", T["When"], (T["Schedule"], One(Text(own, "Schedule"))), (T["Frequency"], One(recurrenceLabel)),
                (T["From"], One(Date("StartDate"))), (T["Until"], One(Date("EndDate"))));
        }

        // How much
        if (type != DirectoryTypes.Actor)
            Add("fees", T["How much"], (T["Fees"], await TermsAsync("Fees", "fees")), (T["Details"], One(Text(own, "FeeDetails"))));

        // How to join, and whom to ask: the offer's own contact, or else its organisation's, said to be so
        var contact = item.As<ContactPart>();
        var registration = own["Registration"]?["Url"]?.GetValue<string>();
        var mode = Text(own, "RegistrationMode");
        var modeLabel = mode is null ? null : (await definitions.GetPartAsync(type))?.Fields.FirstOrDefault(f => f.Name == "RegistrationMode")?.Settings.Options.FirstOrDefault(o => o.Value == mode)?.LabelFor(culture, cultures);
        var actorItem = type == DirectoryTypes.Actor ? null : await ActorOfAsync(own, culture);
        var ownContact = ContactLinks.HasAny(contact);
        var shown = ownContact || actorItem is null ? contact : actorItem.As<ContactPart>();
        var contactRows = ContactLinks.Rows(shown, T);
        Add("join", type == DirectoryTypes.Actor ? T["Contact"] : T["How to join"],
            [(T["Registration"], One(modeLabel)), (T["How to register"], One(Text(own, "RegistrationDetails"))),
             .. ownContact || type == DirectoryTypes.Actor ? contactRows : [],
             (T["On site"], own["OnSite"]?["Value"]?.GetValue<bool>() == true ? One(T["Registration on site"]) : []),
             (T["Online"], One(registration is null ? null : T["Register online"].Value, registration))]);
        if (!ownContact && actorItem is not null)
            Add("organisation-contact", T["Contact of the organisation"], contactRows);

        // Accessibility
        if (type != DirectoryTypes.AidantSupport)
            Add("accessibility", T["Accessibility"], (T["Features"], await TermsAsync("Accessibility", "accessibility")));

        // Who runs it / what it offers
        OfferLink? actor = null;
        var offers = new List<OfferLink>();
        if (actorItem?.Path is not null)
            actor = new OfferLink(actorItem.DisplayText, $"/{(actorItem.Culture == "" ? culture : actorItem.Culture)}/{actorItem.Path}", T["Organisation"]);
        if (type == DirectoryTypes.Actor)
            offers = await OffersOfAsync(item, culture);

        var entry = item.Part(DirectoryTypes.EntryPart);
        var verified = DateTime.TryParse(entry?["LastVerified"]?["Value"]?.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var v) ? v : (DateTime?)null;
        var description = own["Description"]?["Markdown"]?.GetValue<string>();
        var typeLabel = await definitions.TypeDisplayNameAsync(type, culture);
        return new DirectoryItemViewModel
        {
            Item = item, TypeLabel = typeLabel, Culture = culture,
            DescriptionHtml = description is null ? null : cleaner.RenderMarkdown(description),
            Sections = sections, Actor = actor, Offers = offers,
            LastVerified = verified?.ToString("D", CultureInfo.GetCultureInfo(culture)),
            VerifiedBy = Verification.By(item),
            Sample = entry?["Sample"]?["Value"]?.GetValue<bool>() == true,
            Location = location, Address = addressText.Length == 0 ? null : addressText,
            JsonLd = JsonLd(item, culture, siteUrl, description, address, contact, location, actor, verified),
        };
    }

    /// <summary>The published actor an offer names, in the visitor's language when it is translated.</summary>
    private async Task<ContentItem?> ActorOfAsync(JsonObject own, string culture)
    {
        if (ContentPickerFieldType.Ids(own["Actor"]).FirstOrDefault() is not { } actorId) return null;
        // One command: the actor named and its published translations, the one in the visitor's language preferred.
        // Built only when it runs: read from memory, the page does not start the database context.
        var rows = await published.ListAsync(db, "actor|" + culture + "|" + actorId, items =>
        {
            var named = db.ContentItems.Where(i => i.ContentItemId == actorId && i.Published && i.LocalizationSet != null).Select(i => i.LocalizationSet);
            return items.Where(i => i.Published && (i.ContentItemId == actorId || (i.Culture == culture && i.LocalizationSet != null && named.Contains(i.LocalizationSet))));
        });
        var actorItem = rows.FirstOrDefault(i => i.ContentItemId == actorId);
        return actorItem is null || actorItem.Culture == culture ? actorItem : rows.FirstOrDefault(i => i.ContentItemId != actorId) ?? actorItem;
    }

    /// <summary>The published actions and supports of an actor, in the visitor's language where translated.</summary>
    private async Task<List<OfferLink>> OffersOfAsync(ContentItem actor, string culture)
    {
        List<ContentItem> candidates;
        IReadOnlyCollection<string>? actorIds;
        if (await actorOffers.OffersOfAsync(db, actor) is { } offerIds)
        {
            // One command, by ids: the offers naming the actor or a translation of it, as kept in memory. The culture
            // is compared as an expression so that SQLite looks the ids up instead of reading every item of the culture.
            actorIds = null;
            candidates = offerIds.Count == 0 ? [] : await published.ListAsync(db, "offers|" + culture + "|" + string.Join(',', offerIds.Order(StringComparer.Ordinal)), rows => rows
                .Where(i => i.Published && offerIds.Contains(i.ContentItemId) && (i.Culture + "" == culture || i.Culture + "" == "")));
        }
        else
        {
            // Inside a transaction or before the journal is followed: the actor's published translations (offers may
            // point at any of them) and the published offers whose text names one of them, in one command (the
            // database narrows, the picker field is checked below).
            var set = actor.LocalizationSet;
            var translations = set is null
                ? db.ContentItems.Where(a => a.Published && a.ContentItemId == actor.ContentItemId)
                : db.ContentItems.Where(a => a.Published && a.LocalizationSet == set);
            var rows = await db.ContentItems.AsNoTracking()
                .Where(i => translations.Select(a => a.Id).Contains(i.Id)
                    || (i.Published && (i.ContentType == DirectoryTypes.Action || i.ContentType == DirectoryTypes.AidantSupport) && (i.Culture == culture || i.Culture == "")
                        && translations.Any(a => i.Content.Contains("\"" + a.ContentItemId + "\""))))
                .ToListAsync();
            actorIds = rows.Where(i => i.ContentType == actor.ContentType).Select(i => i.ContentItemId).ToList();
            candidates = rows.Where(i => i.ContentType != actor.ContentType).ToList();
        }
        var labels = new Dictionary<string, string>
        {
            [DirectoryTypes.Action] = await definitions.TypeDisplayNameAsync(DirectoryTypes.Action, culture),
            [DirectoryTypes.AidantSupport] = await definitions.TypeDisplayNameAsync(DirectoryTypes.AidantSupport, culture),
        };
        return candidates.DistinctBy(i => i.Id)
            .Where(i => (actorIds is null || ContentPickerFieldType.Ids(i.Field(i.ContentType, "Actor")).Any(actorIds.Contains)) && i.Path is not null
                && (i.ContentType == DirectoryTypes.Action || i.ContentType == DirectoryTypes.AidantSupport))
            .OrderBy(i => i.ContentType).ThenBy(i => i.DisplayText, StringComparer.Create(CultureInfo.GetCultureInfo(culture), true))
            .Select(i => new OfferLink(i.DisplayText, $"/{culture}/{i.Path}", labels[i.ContentType]))
            .ToList();
    }

    private static string JsonLd(ContentItem item, string culture, string siteUrl, string? description, AddressPart address, ContactPart contact,
        (double Latitude, double Longitude)? location, OfferLink? actor, DateTime? verified)
    {
        var isActor = item.ContentType == DirectoryTypes.Actor;
        var node = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = isActor ? "Organization" : "Service",
            ["name"] = item.DisplayText,
            ["url"] = $"{siteUrl}/{culture}/{item.Path}",
            ["inLanguage"] = culture,
        };
        if (description is not null) node["description"] = Markdig.Markdown.ToPlainText(description).Trim();
        if (address.Commune.Text is not null || address.Street.Text is not null)
        {
            var postal = new JsonObject { ["@type"] = "PostalAddress" };
            if (address.Street.Text is { } street) postal["streetAddress"] = street;
            if (address.Postcode.Text is { } postcode) postal["postalCode"] = postcode;
            if (address.Commune.Text is { } commune) postal["addressLocality"] = commune;
            postal["addressCountry"] = address.Country.Text ?? "FR";
            var place = new JsonObject { ["@type"] = "Place", ["address"] = postal };
            if (location is { } p) place["geo"] = new JsonObject { ["@type"] = "GeoCoordinates", ["latitude"] = p.Latitude, ["longitude"] = p.Longitude };
            if (isActor)
            {
                node["address"] = postal.DeepClone();
                if (place["geo"] is not null) node["location"] = place;
            }
            else node["availableChannel"] = new JsonObject { ["@type"] = "ServiceChannel", ["serviceLocation"] = place };
        }
        if (contact.Phone.Phone is { } phone) node["telephone"] = phone;
        if (contact.Email.Email is { } email) node["email"] = email;
        if (isActor && item.Field(DirectoryTypes.Actor, "Siret")?["Text"]?.GetValue<string>() is { } siret)
            node["identifier"] = new JsonObject { ["@type"] = "PropertyValue", ["propertyID"] = "SIRET", ["value"] = siret };
        if (actor is not null) node["provider"] = new JsonObject { ["@type"] = "Organization", ["name"] = actor.Title, ["url"] = siteUrl + actor.Url };
        if (verified is { } date) node["dateModified"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Default escaping keeps "<" out of the script element.
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
