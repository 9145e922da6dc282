using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Tests.Infrastructure;
using Portal.Tests.Moderation;

namespace Portal.Tests.Events;

/// <summary>Partners propose and update their organisation's events in their space, through the same moderation workflow as their offers.</summary>
public sealed class PartnerEventTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_partner_proposes_and_updates_their_events_for_review_and_another_partner_cannot_touch_them(string provider)
    {
        using var site = WorkflowTests.Site(provider);
        using var partner1 = await WorkflowTests.SignedInAsync(site, "partner1@portal.example");
        using var partner2 = await WorkflowTests.SignedInAsync(site, "partner2@portal.example");
        using var moderator = await WorkflowTests.SignedInAsync(site, "moderator@portal.example");
        using var visitor = site.CreateBrowser();

        var space = Browser.Decode(await partner1.GetStringAsync("/fr/espace-partenaire"));
        space.Should().Contain("Vos événements").And.Contain("/fr/espace-partenaire/nouveau/Event?actor=gr-actor-001-fr").And.Contain("Ajouter un événement");

        // A new event: in review, not public; the organiser is the partner's organisation whatever the post says; staff-only fields are not read.
        const string create = "/fr/espace-partenaire/nouveau/Event?actor=gr-actor-001-fr";
        var created = await partner1.SubmitAsync(create, create, ("TitlePart.Title.Text", "Atelier tablette pour débutants"),
            ("Event.Summary.Text", "Apprendre la tablette en petit groupe."), ("Event.Description.Markdown", "Deux heures, tablettes prêtées."),
            ("Event.Sessions.Start", "2030-05-06T10:00"), ("Event.Sessions.End", "2030-05-06T12:00"), ("Event.Status.Text", "scheduled"),
            ("Event.Capacity.Value", "8"), ("Event.Organiser.ContentItemIds", "gr-actor-002-fr"), ("Event.Sample.Value", "true"));
        created.StatusCode.Should().Be(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var item = await site.WithDbAsync(db => db.ContentItems.AsNoTracking().SingleAsync(i => i.DisplayText == "Atelier tablette pour débutants"));
        item.ContentType.Should().Be("Event");
        item.Published.Should().BeFalse();
        item.Status.Should().Be("InReview");
        item.Field("Event", "Organiser")!["ContentItemIds"]![0]!.GetValue<string>().Should().Be("gr-actor-001-fr");
        item.Field("Event", "Sample")?["Value"]?.GetValue<bool>().Should().NotBe(true, "the sample flag is the staff's");
        Browser.Decode(await partner1.GetStringAsync("/fr/espace-partenaire")).Should().Contain("Atelier tablette pour débutants");

        // Another partner: not listed, not readable, not writable, and cannot add an event to partner1's organisation.
        (await partner2.GetStringAsync("/de/partnerbereich")).Should().NotContain(item.ContentItemId).And.NotContain("gr-event-001-fr");
        foreach (var url in new[] { $"/fr/espace-partenaire/{item.ContentItemId}", "/fr/espace-partenaire/gr-event-001-fr", create })
            (await partner2.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound, url);
        var forged = await partner2.PostFormAsync("/fr/proposer?type=Action", "/fr/espace-partenaire/gr-event-001-fr", [new("TitlePart.Title.Text", "Détourné")]);
        forged.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await partner2.PostFormAsync("/fr/proposer?type=Action", create, [new("TitlePart.Title.Text", "Détourné")])).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await site.WithDbAsync(db => db.ContentItems.CountAsync(i => i.DisplayText == "Détourné"))).Should().Be(0);

        // The moderator approves: the event is public, in the agenda.
        var review = $"/admin/review/{item.ContentItemId}";
        Browser.Decode(await moderator.GetStringAsync("/admin/review")).Should().Contain("Atelier tablette pour débutants");
        (await moderator.PostFormAsync(review, $"{review}/approve", [new("comment", "")])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var published = await site.WithDbAsync(db => db.ContentItems.AsNoTracking().SingleAsync(i => i.ContentItemId == item.ContentItemId && i.Published));
        (await visitor.GetAsync($"/fr/{published.Path}")).StatusCode.Should().Be(HttpStatusCode.OK);

        // An update of a published event waits for review; the public keeps the published version.
        const string edit = "/fr/espace-partenaire/gr-event-001-fr";
        var before = await site.WithDbAsync(db => db.ContentItems.AsNoTracking().SingleAsync(i => i.ContentItemId == "gr-event-001-fr" && i.Published));
        var updated = await partner1.SubmitAsync(edit, edit, ("Event.Summary.Text", "Nouveau résumé proposé par le partenaire."));
        updated.StatusCode.Should().Be(HttpStatusCode.Redirect, await updated.Content.ReadAsStringAsync());
        var latest = await site.WithDbAsync(db => db.ContentItems.AsNoTracking().SingleAsync(i => i.ContentItemId == "gr-event-001-fr" && i.Latest));
        latest.Status.Should().Be("InReview");
        latest.Published.Should().BeFalse();
        Browser.Decode(await visitor.GetStringAsync($"/fr/{before.Path}")).Should().NotContain("Nouveau résumé proposé par le partenaire.");
    }
}
