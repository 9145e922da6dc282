using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Core.Localization;
using Portal.Events.Models;
using Portal.Events.Services;
using Portal.Events.ViewModels;

namespace Portal.Events.Controllers;

/// <summary>/fr/agenda and /de/veranstaltungen: upcoming sessions, a month grid (plain links, no JavaScript), the archive and calendar files.</summary>
[AllowAnonymous]
public sealed class AgendaController(Agenda agenda, EventPresenter presenter, EventCalendar calendar, Cultures cultures, IStringLocalizer<AgendaController> T) : Controller
{
    public static string PathOf(string culture) => EventsRouteTable.Table.Path(EventsRouteTable.Agenda, culture);

    private static string ArchivePathOf(string culture) => PathOf(culture) + "/" + EventsRouteTable.Table.Segment(EventsRouteTable.Archive, culture);

    [HttpGet("/{culture:culture}/{segment:localized(agenda)}")]
    public async Task<IActionResult> Index(string culture, string segment, string? domain, string? audience, string? accessibility, string? language, string? place, string? month)
    {
        if (PathOf(culture) != $"/{culture}/{segment}") return RedirectPermanent(PathOf(culture) + Request.QueryString);
        DateOnly? shown = null;
        if (!string.IsNullOrEmpty(month))
        {
            if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) || parsed.Year is < 2000 or > 2100)
                return BadRequest(T["The month must be written YYYY-MM, such as 2027-03."].Value);
            shown = parsed;
        }
        var filter = new AgendaFilter(Clean(domain), Clean(audience), Clean(accessibility), Clean(language), Clean(place));
        var entries = shown is { } m ? await agenda.MonthAsync(culture, m, filter) : await agenda.UpcomingAsync(culture, filter);
        ViewData["Alternates"] = cultures.Supported.ToDictionary(c => c, c => PathOf(c) + Request.QueryString);
        return View("Index", new AgendaViewModel
        {
            Culture = culture, BasePath = PathOf(culture), Filter = filter, Entries = entries, Month = shown,
            Today = DateOnly.FromDateTime(agenda.Now), Filters = await FiltersAsync(culture, filter),
            Organisers = await OrganisersAsync(entries.Select(e => e.Event), culture),
        });
    }

    [HttpGet("/{culture:culture}/{segment:localized(agenda)}/{archive:localized(agenda-archive)}")]
    public async Task<IActionResult> Archive(string culture, string segment, string archive)
    {
        if (ArchivePathOf(culture) != $"/{culture}/{segment}/{archive}") return RedirectPermanent(ArchivePathOf(culture));
        ViewData["Alternates"] = cultures.Supported.ToDictionary(c => c, ArchivePathOf);
        return View("Archive", new ArchiveViewModel { Culture = culture, AgendaPath = PathOf(culture), Events = await agenda.PastAsync(culture, new AgendaFilter()) });
    }

    /// <summary>The culture's calendar feed: every published event, or one organiser's (?organiser=id).</summary>
    [HttpGet("/{culture:culture}/{segment:localized(agenda)}/agenda.ics")]
    public async Task<IActionResult> Feed(string culture, string segment, string? organiser)
    {
        if (PathOf(culture) != $"/{culture}/{segment}") return RedirectPermanent(PathOf(culture) + "/agenda.ics" + Request.QueryString);
        var events = (await agenda.PublishedAsync(culture)).Where(e => organiser is null || e.OrganiserId == organiser).ToList();
        var name = T["Agenda"].Value;
        if (organiser is not null && await presenter.OrganiserAsync(organiser, culture) is { } found) name = $"{name} – {found.Name}";
        return File(Encoding.UTF8.GetBytes(calendar.Write(name, events)), EventCalendar.ContentType, "agenda.ics");
    }

    /// <summary>One event's sessions as an .ics file.</summary>
    [HttpGet("/{culture:culture}/{segment:localized(agenda)}/{slug}/event.ics")]
    public async Task<IActionResult> EventFile(string culture, string segment, string slug)
    {
        var path = $"{EventsRouteTable.Table.Segment(EventsRouteTable.Agenda, culture)}/{slug}".ToLowerInvariant();
        var found = (await agenda.PublishedAsync(culture)).FirstOrDefault(e => e.Item.Path == path);
        if (found is null) return NotFound();
        return File(Encoding.UTF8.GetBytes(calendar.Write(found.Title, [found])), EventCalendar.ContentType, slug + ".ics");
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) || value.Length > 120 ? null : value.Trim();

    /// <summary>The filters' choices: only terms and places that upcoming events carry, so no choice leads to nothing.</summary>
    private async Task<IReadOnlyList<AgendaFilterGroup>> FiltersAsync(string culture, AgendaFilter filter)
    {
        var upcoming = await agenda.UpcomingAsync(culture, new AgendaFilter());
        async Task<AgendaFilterGroup> Group(string name, string label, string vocabulary, Func<EventDetails, IReadOnlyList<string>> terms, string? selected)
        {
            var used = upcoming.SelectMany(e => terms(e.Event)).Append(selected).OfType<string>().ToHashSet();
            var options = (await presenter.TermsAsync(vocabulary, culture)).Where(t => used.Contains(t.Slug)).Select(t => (t.Slug, t.Label)).ToList();
            return new AgendaFilterGroup(name, label, selected, options);
        }
        var places = (await agenda.PlacesAsync(culture)).Select(p => (p, p)).ToList();
        if (upcoming.Any(e => e.Event.Online)) places.Insert(0, (AgendaFilter.OnlinePlace, T["Online"].Value));
        return
        [
            await Group("domain", "Theme", "domains", e => e.Domains, filter.Domain),
            await Group("audience", "Audience", "audiences", e => e.Audiences, filter.Audience),
            await Group("accessibility", "Accessibility", "accessibility", e => e.Accessibility, filter.Accessibility),
            await Group("language", "Language spoken", "languages", e => e.Languages, filter.Language),
            new AgendaFilterGroup("place", "Place", filter.Place, places),
        ];
    }

    private async Task<IReadOnlyDictionary<string, Organiser>> OrganisersAsync(IEnumerable<EventDetails> events, string culture)
    {
        var result = new Dictionary<string, Organiser>();
        foreach (var id in events.Select(e => e.OrganiserId).OfType<string>().Distinct())
            if (await presenter.OrganiserAsync(id, culture) is { } organiser) result[id] = organiser;
        return result;
    }
}
