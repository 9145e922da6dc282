using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Events;

/// <summary>The Event type, the agenda (list, filters, month grid, archive), the event page and what stays private.</summary>
public sealed partial class AgendaTests(EventsSite site) : IClassFixture<EventsSite>
{
    private async Task<string> GetAsync(string url)
    {
        using var client = site.Factory.CreateClient();
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_agenda_lists_upcoming_sessions_by_date_and_leaves_past_events_to_the_archive()
    {
        var page = await GetAsync("/fr/agenda");
        page.Should().Contain("Atelier équilibre au printemps").And.Contain("Conférence mémoire en visio").And.Contain("Loto solidaire");
        page.Should().NotContain("Marche de janvier");
        // Sorted by date: the cancelled loto (20 March) comes before the two sessions of the workshop (27 and 29 March), the conference (10 April) last.
        page.IndexOf("Loto solidaire", StringComparison.Ordinal).Should().BeLessThan(page.IndexOf("Atelier équilibre", StringComparison.Ordinal));
        page.IndexOf("Atelier équilibre", StringComparison.Ordinal).Should().BeLessThan(page.IndexOf("Conférence mémoire", StringComparison.Ordinal));
        Regex.Matches(page, "Atelier équilibre au printemps</a>").Count.Should().Be(2, "each session is a line of the agenda");
        page.Should().Contain("Annulé");

        var archive = await GetAsync("/fr/agenda/archives");
        archive.Should().Contain("Marche de janvier").And.Contain("Compte rendu disponible").And.NotContain("Loto solidaire");
        var report = await GetAsync("/fr/agenda/marche-de-janvier");
        report.Should().Contain("Vingt marcheurs sont venus.");
    }

    [Fact]
    public async Task The_agenda_filters_by_theme_language_accessibility_and_place()
    {
        var memory = await GetAsync("/fr/agenda?domain=memoire");
        memory.Should().Contain("Conférence mémoire en visio").And.NotContain("Atelier équilibre au printemps</a>");
        var online = await GetAsync("/fr/agenda?place=online");
        online.Should().Contain("Conférence mémoire en visio</a>").And.NotContain("Loto solidaire</a>");
        var metz = await GetAsync("/fr/agenda?place=Metz&language=de&accessibility=lsf");
        metz.Should().Contain("Atelier équilibre au printemps</a>").And.NotContain("Conférence mémoire en visio</a>").And.NotContain("Loto solidaire</a>");
        // The choices offered are labelled from the vocabularies, in the page's language.
        (await GetAsync("/fr/agenda")).Should().Contain("<option value=\"lsf\"");
        (await GetAsync("/de/veranstaltungen")).Should().NotContain("<option value=\"lsf\"", "only terms that upcoming events carry are offered");
    }

    [Fact]
    public async Task The_month_view_is_a_table_of_links_with_previous_and_next_months()
    {
        var page = await GetAsync("/fr/agenda?month=2027-03");
        page.Should().Contain("<table class=\"agenda-month\">").And.Contain("href=\"/fr/agenda/atelier-equilibre-au-printemps\"");
        page.Should().Contain("month=2027-04").And.Contain("month=2027-02").And.NotContain("<script src");
        (await GetAsync("/fr/agenda?month=2027-01")).Should().Contain("Marche de janvier", "the month view shows past sessions of that month too");
        using var client = site.Factory.CreateClient();
        (await client.GetAsync("/fr/agenda?month=mars")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Each_culture_has_its_own_address_and_shows_its_translation()
    {
        var page = await GetAsync("/de/veranstaltungen");
        page.Should().Contain("Gleichgewichtskurs im Frühling").And.NotContain("Atelier équilibre au printemps");
        page.Should().Contain("Seniorenclub Metz", "the organiser is named by its German translation");
        using var client = site.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var redirect = await client.GetAsync("/de/agenda");
        redirect.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        redirect.Headers.Location!.ToString().Should().Be("/de/veranstaltungen");
        (await GetAsync("/de/veranstaltungen/gleichgewichtskurs-im-fruhling")).Should().Contain("Gleichgewichtskurs im Frühling");
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();

    [Fact]
    public async Task The_event_page_carries_schema_org_events_with_offsets_on_either_side_of_the_clock_change()
    {
        var page = await GetAsync("/fr/agenda/atelier-equilibre-au-printemps");
        var match = JsonLd().Match(page);
        match.Success.Should().BeTrue("the page carries its JSON-LD block");
        var events = JsonNode.Parse(match.Groups[1].Value)!.AsArray();
        events.Select(e => e!["@type"]!.GetValue<string>()).Should().AllBe("Event");
        events.Select(e => e!["startDate"]!.GetValue<string>()).Should().Equal("2027-03-27T10:00+01:00", "2027-03-29T10:00+02:00");
        events[0]!["location"]!["address"]!["addressLocality"]!.GetValue<string>().Should().Be("Metz");
        events[0]!["organizer"]!["name"]!.GetValue<string>().Should().Be("Club des aînés de Metz");
        events[0]!["eventStatus"]!.GetValue<string>().Should().Be("https://schema.org/EventScheduled");
        page.Should().Contain("href=\"/fr/agenda/atelier-equilibre-au-printemps/event.ics\"");

        var cancelled = JsonNode.Parse(JsonLd().Match(await GetAsync("/fr/agenda/loto-solidaire")).Groups[1].Value)!;
        cancelled["eventStatus"]!.GetValue<string>().Should().Be("https://schema.org/EventCancelled");
    }

    [Fact]
    public async Task The_online_link_is_in_no_public_output()
    {
        using var client = site.Factory.CreateClient();
        foreach (var url in new[]
        {
            "/fr/agenda/conference-memoire-en-visio", "/fr/agenda", "/fr/agenda?month=2027-04", "/fr/agenda/agenda.ics",
            "/fr/agenda/conference-memoire-en-visio/event.ics", "/api/content/event-online", "/api/content?type=Event", "/api/search?culture=fr&q=visio",
        })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.OK, url);
            (await response.Content.ReadAsStringAsync()).Should().NotContain("secret-room-42", url);
        }
        var api = JsonNode.Parse(await client.GetStringAsync("/api/content/event-online"))!;
        api["fields"]!["Event"]!["Online"]!["Value"]!.GetValue<bool>().Should().BeTrue("the API still says the event is online");
        // The link is kept for the registrants: the stored item has it.
        var stored = await site.Factory.WithScopeAsync(sp => sp.GetRequiredService<IContentManager>().GetAsync("event-online"));
        stored!.Field("Event", "OnlineLink")!["Url"]!.GetValue<string>().Should().Be(EventsSite.SecretLink);
    }

    [Fact]
    public async Task Events_are_found_by_the_search_with_their_date_and_placed_on_the_map()
    {
        using var client = site.Factory.CreateClient();
        var search = JsonNode.Parse(await client.GetStringAsync("/api/search?culture=fr&q=atelier%20equilibre"))!;
        var hit = search["hits"]!.AsArray().Should().ContainSingle(h => h!["type"]!.GetValue<string>() == "Event").Subject!;
        hit["url"]!.GetValue<string>().Should().Be("/fr/agenda/atelier-equilibre-au-printemps");
        hit["when"]!.GetValue<string>().Should().Contain("27").And.Contain("mars 2027");
        var facetted = JsonNode.Parse(await client.GetStringAsync("/api/search?culture=fr&type=Event&f.accessibility=lsf"))!;
        facetted["total"]!.GetValue<int>().Should().Be(1);
        var map = JsonNode.Parse(await client.GetStringAsync("/api/map.geojson?culture=fr&type=Event"))!;
        map["features"]!.AsArray().Should().Contain(f => f!["properties"]!["category"]!.GetValue<string>() == "event");
        (await GetAsync("/fr/recherche?q=atelier+equilibre")).Should().Contain("Atelier équilibre au printemps");
    }

    [Fact]
    public async Task A_session_that_ends_before_it_starts_is_refused_on_its_field()
    {
        var result = await site.Factory.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<IContentManager>();
            var item = await manager.NewAsync("Event");
            item.Data = JsonNode.Parse("""
                { "TitlePart": { "Title": { "Text": "À l'envers" } },
                  "Event": { "Summary": { "Text": "x" }, "Description": { "Markdown": "x" }, "Status": { "Text": "scheduled" },
                             "Organiser": { "ContentItemIds": [ "actor-fr" ] },
                             "Sessions": { "Sessions": [ { "Start": "2027-05-02T12:00", "End": "2027-05-02T10:00" }, { "Start": "demain", "End": "" } ] } },
                  "LocalizationPart": { "Culture": { "Text": "fr" } } }
                """)!.AsObject();
            return await manager.ValidateAsync(item);
        });
        result.Errors.Select(e => e.Key).Distinct().Should().Equal("Event.Sessions");
        result.Errors.Should().HaveCount(2);
    }
}
