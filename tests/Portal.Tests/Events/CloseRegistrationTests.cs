using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Events.Models;
using Portal.Events.Services;
using Portal.Tests.Infrastructure;
using Portal.Tests.Moderation;

namespace Portal.Tests.Events;

/// <summary>The organiser's "close registration" button: the organising actor's partner and staff only, by a POST with antiforgery.</summary>
public sealed class CloseRegistrationTests
{
    private const string Partner1List = "/fr/espace-partenaire/agenda/gr-event-001-fr";

    private static Task<RegistrationWindow.State> StateAsync(PortalFactory site) => site.WithScopeAsync(async sp =>
    {
        var e = EventReader.Read((await sp.GetRequiredService<IContentManager>().GetAsync("gr-event-001-fr"))!, "fr");
        return RegistrationWindow.StateOf(e, EventSession.LocalNow(sp.GetRequiredService<TimeProvider>()));
    });

    [Fact]
    public async Task The_organisers_partner_closes_registration_now_and_another_partner_or_a_visitor_cannot()
    {
        using var site = WorkflowTests.Site();
        using var partner1 = await WorkflowTests.SignedInAsync(site, "partner1@portal.example");
        using var partner2 = await WorkflowTests.SignedInAsync(site, "partner2@portal.example");
        using var anonymous = site.CreateBrowser();
        var eventPage = "/fr/" + (await site.WithScopeAsync(async sp => (await sp.GetRequiredService<IContentManager>().GetAsync("gr-event-001-fr"))!.Path));
        (await StateAsync(site)).Should().Be(RegistrationWindow.State.Open);
        (await partner1.GetStringAsync(Partner1List)).Should().Contain($"action=\"{Partner1List}/close-registration\"").And.Contain("Clore les inscriptions");

        // Another partner, with a valid token of their own (from the event page's form), is told the event does not exist; a visitor is sent to sign in.
        var denied = await partner2.PostFormAsync(eventPage, Partner1List + "/close-registration", []);
        denied.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.PostFormAsync(eventPage, Partner1List + "/close-registration", [])).StatusCode.Should().Be(HttpStatusCode.Redirect, "to the sign-in page");
        (await partner1.PostAsync(Partner1List + "/close-registration", new FormUrlEncodedContent([]))).StatusCode.Should().Be(HttpStatusCode.BadRequest, "no antiforgery token");
        (await StateAsync(site)).Should().Be(RegistrationWindow.State.Open, "nothing was closed by those");

        var closed = await partner1.SubmitAsync(Partner1List, Partner1List + "/close-registration");
        closed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        closed.Headers.Location!.OriginalString.Should().Be(Partner1List);
        (await StateAsync(site)).Should().Be(RegistrationWindow.State.Closed);
        var list = await partner1.GetStringAsync(Partner1List);
        list.Should().Contain("Les inscriptions sont closes.").And.NotContain("/close-registration");
        (await anonymous.GetStringAsync(eventPage)).Should().NotContain("class=\"editor registration-form\"", "the public page no longer offers the form");
        (await site.WithDbAsync(db => Task.FromResult(db.AuditEntries.Count(a => a.ContentItemId == "gr-event-001-fr" && a.Action == RegistrationClosing.AuditAction))))
            .Should().Be(1, "the content manager recorded who closed it");
    }

    [Fact]
    public async Task An_editor_closes_registration_from_the_back_office()
    {
        using var site = WorkflowTests.Site();
        using var editor = await WorkflowTests.SignedInAsync(site, "editor@portal.example");
        const string list = "/admin/events/gr-event-001-fr/registrants";
        var closed = await editor.SubmitAsync(list, "/admin/events/gr-event-001-fr/close-registration");
        closed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StateAsync(site)).Should().Be(RegistrationWindow.State.Closed);
        (await editor.GetStringAsync(list)).Should().NotContain("/close-registration");
    }
}
