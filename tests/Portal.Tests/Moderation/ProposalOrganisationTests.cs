using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Content.Parts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Moderation;

/// <summary>The proposal form names the organisation in words (a new one in free text, or one found by name and commune), never by an internal id; the moderator links or creates it.</summary>
public sealed class ProposalOrganisationTests
{
    private const string Form = "/fr/proposer?type=Action";

    /// <summary>Waits until the site has run its setup (it answers 503 until then), however long a loaded machine takes.</summary>
    internal static async Task ReadyAsync(HttpClient client)
    {
        for (var i = 0; i < 600 && (await client.GetAsync("/fr")).StatusCode == HttpStatusCode.ServiceUnavailable; i++) await Task.Delay(200);
    }

    [Fact]
    public async Task The_proposal_forms_show_no_internal_id_even_after_a_search()
    {
        using var factory = WorkflowTests.Site();
        using var visitor = factory.CreateBrowser();
        await ReadyAsync(visitor);
        var actor = await factory.WithDbAsync(db => db.ContentItems.AsNoTracking().SingleAsync(i => i.ContentItemId == "gr-actor-001-fr" && i.Latest));
        var actorIds = await factory.WithDbAsync(db => db.ContentItems.Where(i => i.ContentType == "Actor").Select(i => i.ContentItemId).Distinct().ToListAsync());

        foreach (var page in new[] { Form, "/de/vorschlagen?type=AidantSupport", "/fr/proposer?type=AidantSupport" })
        {
            var html = await visitor.GetStringAsync(page);
            html.Should().Contain("id=\"organisation-name\"");
            actorIds.Where(html.Contains).Should().BeEmpty(page + " shows no actor's id");
            html.Should().NotContain("(fr) [").And.NotContain("(de) [");
        }

        // Searching by a word of the name and the commune: the organisation is offered by name and commune only.
        var commune = actor.As<AddressPart>().Commune.Text!;
        var word = actor.DisplayText.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First();
        // The search is the form's second button (formaction): the whole form goes to the search address.
        var fields = Browser.FormFields(await visitor.GetStringAsync(Form), Form);
        fields.RemoveAll(f => f.Key is "TitlePart.Title.Text" or "organisation-name" or "organisation-commune");
        fields.AddRange([new("TitlePart.Title.Text", "Gym douce"), new("organisation-name", word.ToUpperInvariant()), new("organisation-commune", commune)]);
        var found = await visitor.PostAsync("/fr/proposer/organisations?type=Action", new FormUrlEncodedContent(fields));
        found.StatusCode.Should().Be(HttpStatusCode.OK);
        var results = Browser.Decode(await found.Content.ReadAsStringAsync());
        results.Should().Contain($"{actor.DisplayText} – {commune}").And.Contain("value=\"Gym douce\"");
        actorIds.Where(results.Contains).Should().BeEmpty("the search results show no actor's id");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_proposal_naming_a_new_organisation_reaches_the_review_queue_and_the_moderator_creates_the_actor(string provider)
    {
        using var factory = WorkflowTests.Site(provider);
        using var visitor = factory.CreateBrowser();
        await ReadyAsync(visitor);

        // Without a name nor a choice, the form says what is missing, next to the field, and keeps what was typed.
        var missing = await visitor.SubmitAsync(Form, Form, ("TitlePart.Title.Text", "Randonnée adaptée"), ("Action.Description.Markdown", "Une sortie."), ("Action.Domains.Terms", "sport"));
        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Browser.Decode(await missing.Content.ReadAsStringAsync()).Should().Contain("id=\"organisation-name-error\"").And.Contain("value=\"Randonnée adaptée\"");

        var sent = await visitor.SubmitAsync(Form, Form, ("TitlePart.Title.Text", "Randonnée adaptée"), ("Action.Description.Markdown", "Une sortie à la journée."),
            ("Action.Domains.Terms", "sport"), ("organisation-name", "Les Sentiers de Sierck"), ("organisation-commune", "Sierck-les-Bains"));
        sent.StatusCode.Should().Be(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        var proposal = await factory.WithDbAsync(db => db.ContentItems.AsNoTracking().SingleAsync(i => i.DisplayText == "Randonnée adaptée" && i.Latest));
        (proposal.Status, proposal.Published).Should().Be(("InReview", false));
        proposal.Field("Action", "Actor").Should().BeNull();

        using var moderator = await WorkflowTests.SignedInAsync(factory, "moderator@portal.example");
        Browser.Decode(await moderator.GetStringAsync("/admin/review")).Should().Contain("Randonnée adaptée");
        var review = $"/admin/review/{proposal.ContentItemId}";
        Browser.Decode(await moderator.GetStringAsync(review)).Should().Contain("Les Sentiers de Sierck").And.Contain($"action=\"{review}/organisation/create\"");

        // Not publishable before the organisation is known.
        var early = await moderator.PostFormAsync(review, $"{review}/approve", []);
        early.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Browser.Decode(await early.Content.ReadAsStringAsync()).Should().Contain("Reliez d'abord cette fiche à la structure « Les Sentiers de Sierck »");

        // The actor is created from the name, through the content manager, and the proposal points at it.
        var created = await moderator.SubmitAsync(review, $"{review}/organisation/create",
            ("Actor.Description.Markdown", "Association de randonnée."), ("Actor.Typology.Terms", "association"), ("Actor.Territory.Terms", "lorraine"));
        created.StatusCode.Should().Be(HttpStatusCode.Redirect, Browser.Decode(await created.Content.ReadAsStringAsync()));
        var actor = await factory.WithDbAsync(db => db.ContentItems.AsNoTracking().SingleAsync(i => i.ContentType == "Actor" && i.DisplayText == "Les Sentiers de Sierck" && i.Latest));
        (actor.Published, actor.Culture, actor.As<AddressPart>().Commune.Text).Should().Be((true, "fr", "Sierck-les-Bains"));
        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.ContentItemId == actor.ContentItemId && a.Action == AuditActions.Created))).Should().Be(1);
        var linked = await factory.WithDbAsync(db => db.ContentItems.AsNoTracking().SingleAsync(i => i.ContentItemId == proposal.ContentItemId && i.Latest));
        linked.Field("Action", "Actor")!["ContentItemIds"]![0]!.GetValue<string>().Should().Be(actor.ContentItemId);
        linked.Data.ContainsKey("ProposedOrganisationPart").Should().BeFalse();

        (await moderator.PostFormAsync(review, $"{review}/approve", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.ContentItems.AnyAsync(i => i.ContentItemId == proposal.ContentItemId && i.Published))).Should().BeTrue();
    }

    [Fact]
    public async Task The_moderator_links_a_named_organisation_to_an_existing_actor()
    {
        using var factory = WorkflowTests.Site();
        using var visitor = factory.CreateBrowser();
        await ReadyAsync(visitor);
        var existing = await factory.WithDbAsync(db => db.ContentItems.AsNoTracking().SingleAsync(i => i.ContentItemId == "gr-actor-001-fr" && i.Latest));
        (await visitor.SubmitAsync(Form, Form, ("TitlePart.Title.Text", "Atelier équilibre"), ("Action.Description.Markdown", "Prévenir les chutes."),
            ("Action.Domains.Terms", "sport"), ("organisation-name", existing.DisplayText.ToLowerInvariant())))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var proposal = await factory.WithDbAsync(db => db.ContentItems.AsNoTracking().SingleAsync(i => i.DisplayText == "Atelier équilibre" && i.Latest));

        using var moderator = await WorkflowTests.SignedInAsync(factory, "moderator@portal.example");
        var review = $"/admin/review/{proposal.ContentItemId}";
        var page = Browser.Decode(await moderator.GetStringAsync(review));
        page.Should().Contain($"value=\"{existing.ContentItemId}\"");
        (await moderator.PostFormAsync(review, $"{review}/organisation/link", [new("actor", existing.ContentItemId)])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var linked = await factory.WithDbAsync(db => db.ContentItems.AsNoTracking().SingleAsync(i => i.ContentItemId == proposal.ContentItemId && i.Latest));
        linked.Field("Action", "Actor")!["ContentItemIds"]![0]!.GetValue<string>().Should().Be(existing.ContentItemId);
        (await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ContentItemId == proposal.ContentItemId && a.Action == "OrganisationLinked" && a.UserName == "moderator@portal.example"))).Should().BeTrue();
        (await moderator.PostFormAsync(review, $"{review}/approve", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}
