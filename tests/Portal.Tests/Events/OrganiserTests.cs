using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Events.Models;
using Portal.Events.Services;
using Portal.Tests.Moderation;

namespace Portal.Tests.Events;

/// <summary>The organiser's list of registrants: in the partner space for the organising actor's partner only, and in the back office.</summary>
public sealed class OrganiserTests
{
    public static TheoryData<string> Providers => Portal.Tests.Infrastructure.TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_partner_sees_and_exports_the_registrants_of_their_own_events_only(string provider)
    {
        using var site = WorkflowTests.Site(provider);
        await site.WithScopeAsync(async sp =>
        {
            var e = EventReader.Read((await sp.GetRequiredService<IContentManager>().GetAsync("gr-event-001-fr"))!, "fr");
            await sp.GetRequiredService<EventRegistrations>().RegisterAsync(e, e.Sessions[0],
                new RegistrationForm { Name = "Marthe Inscrite", Email = "marthe@example.org", Seats = 2, NeedTerms = ["lsf"], Needs = "=HYPERLINK(\"x\")", Consent = true }, "fr");
        });
        using var partner1 = await WorkflowTests.SignedInAsync(site, "partner1@portal.example");
        using var partner2 = await WorkflowTests.SignedInAsync(site, "partner2@portal.example");
        using var editor = await WorkflowTests.SignedInAsync(site, "editor@portal.example");

        var list = await partner1.GetStringAsync("/fr/espace-partenaire/agenda");
        list.Should().Contain("/fr/espace-partenaire/agenda/gr-event-001-fr");
        var page = await partner1.GetStringAsync("/fr/espace-partenaire/agenda/gr-event-001-fr");
        page.Should().Contain("Marthe Inscrite").And.Contain("marthe@example.org");
        var csv = await partner1.GetStringAsync("/fr/espace-partenaire/agenda/gr-event-001-fr/registrants.csv");
        csv.Should().Contain("Marthe Inscrite").And.Contain("'=HYPERLINK", "a cell that would be a formula is neutralised");

        foreach (var url in new[] { "/fr/espace-partenaire/agenda/gr-event-001-fr", "/fr/espace-partenaire/agenda/gr-event-001-fr/registrants.csv", "/fr/espace-partenaire/agenda/gr-event-001-fr/registrants.xlsx" })
        {
            var denied = await partner2.GetAsync(url);
            denied.StatusCode.Should().Be(HttpStatusCode.NotFound, url);
            (await denied.Content.ReadAsStringAsync()).Should().NotContain("Marthe");
        }
        (await partner2.GetStringAsync("/de/partnerbereich/veranstaltungen")).Should().NotContain("gr-event-001-fr");
        (await editor.GetStringAsync("/admin/events/gr-event-001-fr/registrants")).Should().Contain("Marthe Inscrite");
        using var anonymous = site.CreateBrowser();
        (await anonymous.GetAsync("/admin/events/gr-event-001-fr/registrants")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}
