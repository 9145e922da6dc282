using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Moderation.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Moderation;

/// <summary>Four eyes: whoever edited or submitted a version does not approve it, unless the administrator allows self-approval.</summary>
public sealed class FourEyesTests
{
    private const string OwnWork = "Vous avez modifié cette version : une autre personne doit l'approuver.";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_moderator_cannot_approve_their_own_edit_another_moderator_can_and_self_approval_is_an_administrators_choice(string provider)
    {
        using var factory = WorkflowTests.Site(provider);
        using var visitor = factory.CreateClient();
        await factory.WithScopeAsync(async sp =>
        {
            var (user, errors) = await sp.GetRequiredService<AccountService>().CreateAsync("moderator2@test.example", null, "Moderator", "fr", [], WorkflowTests.DemoPassword);
            errors.Should().BeEmpty();
        });
        var items = await factory.WithDbAsync(db => db.ContentItems.AsNoTracking().Where(i => i.Published && i.ContentType == "AidantSupport" && i.Culture == "fr")
            .OrderBy(i => i.ContentItemId).Take(2).ToListAsync());
        using var moderator = await WorkflowTests.SignedInAsync(factory, "moderator@portal.example");

        // The moderator saves a change and submits it: the review page offers no approval to them, and says why.
        var item = items[0];
        var review = await EditAndSubmitAsync(moderator, item, "Groupe de parole du jeudi");
        var page = Browser.Decode(await moderator.GetStringAsync(review));
        page.Should().Contain(OwnWork).And.NotContain($"action=\"{review}/approve\"").And.Contain($"action=\"{review}/reject\"");
        var queue = Browser.Decode(await moderator.GetStringAsync("/admin/review"));
        queue.Should().Contain("À vous : une autre personne l'approuve").And.NotContain($"value=\"{item.ContentItemId}\"");

        // Posting anyway is refused, alone or in a batch, and nothing is published.
        var refused = await moderator.PostFormAsync(review, $"{review}/approve", [new("comment", "")]);
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        Browser.Decode(await refused.Content.ReadAsStringAsync()).Should().Contain(OwnWork);
        var batch = await moderator.PostFormAsync("/admin/review", "/admin/review/approve", [new("ids", item.ContentItemId)]);
        batch.StatusCode.Should().Be(HttpStatusCode.Redirect);
        Browser.Decode(await moderator.GetStringAsync("/admin/review")).Should().Contain("0 propositions validées et publiées. 1 ignorées : vous les avez modifiées ou soumises");
        (await StateAsync(factory, item.ContentItemId)).Should().Be("InReview");
        Browser.Decode(await visitor.GetStringAsync($"/fr/{item.Path}")).Should().NotContain("Groupe de parole du jeudi");
        factory.Logs.Entries.Should().Contain(e => e.Message.Contains("edited or submitted this version"));

        // Another moderator approves it: published.
        using var other = await WorkflowTests.SignedInAsync(factory, "moderator2@test.example");
        Browser.Decode(await other.GetStringAsync(review)).Should().Contain($"action=\"{review}/approve\"").And.NotContain(OwnWork);
        Browser.Decode(await other.GetStringAsync("/admin/review")).Should().Contain($"value=\"{item.ContentItemId}\"").And.NotContain("À vous");
        (await other.PostFormAsync(review, $"{review}/approve", [new("comment", "")])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StateAsync(factory, item.ContentItemId)).Should().Be("Published");
        Browser.Decode(await visitor.GetStringAsync($"/fr/{item.Path}")).Should().Contain("Groupe de parole du jeudi");

        // Only an administrator changes the setting; once self-approval is allowed, the moderator approves their own edit.
        (await moderator.PostFormAsync("/admin/review", "/admin/review/self-approval", [new("allow", "directory")])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await factory.WithScopeAsync(sp => sp.GetRequiredService<WorkflowStore>().ForTypeAsync("AidantSupport")))!.AllowSelfApproval.Should().BeFalse();
        using var admin = factory.CreateBrowser();
        await admin.SignInAsync();
        queue = Browser.Decode(await admin.GetStringAsync("/admin/review"));
        queue.Should().Contain("Principe des quatre yeux").And.Contain("Autoriser l'auto-approbation dans le circuit « directory »");
        (await admin.PostFormAsync("/admin/review", "/admin/review/self-approval", [new("allow", "no-such-workflow")])).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.PostFormAsync("/admin/review", "/admin/review/self-approval", [new("allow", "directory")])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await factory.WithScopeAsync(sp => sp.GetRequiredService<WorkflowStore>().ForTypeAsync("AidantSupport")))!.AllowSelfApproval.Should().BeTrue();

        var second = items[1];
        review = await EditAndSubmitAsync(moderator, second, "Café des aidants du samedi");
        Browser.Decode(await moderator.GetStringAsync(review)).Should().Contain($"action=\"{review}/approve\"").And.NotContain(OwnWork);
        (await moderator.PostFormAsync(review, $"{review}/approve", [new("comment", "")])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StateAsync(factory, second.ContentItemId)).Should().Be("Published");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_site_set_up_before_four_eyes_needs_another_person_to_approve_after_the_upgrade(string provider)
    {
        using var factory = new PortalFactory(provider, recipe: "portal-base");
        using var client = factory.CreateClient();
        (await factory.WithScopeAsync(sp => sp.GetRequiredService<WorkflowStore>().ForTypeAsync("Action")))!.Transition("approve")!.RequiresOtherPerson.Should().BeTrue("portal-base says so");

        // As it was stored before: no four eyes, and the moderation module's migration not run yet.
        await factory.WithScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<WorkflowStore>();
            var document = await store.GetAsync();
            foreach (var transition in document.Workflows.SelectMany(w => w.Transitions)) transition.RequiresOtherPerson = false;
            await store.SaveAsync(document);
            var db = sp.GetRequiredService<Portal.Core.Data.PortalDbContext>();
            db.DataMigrations.Remove(await db.DataMigrations.SingleAsync(m => m.Name == typeof(Portal.Moderation.Migrations).FullName));
            await db.SaveChangesAsync();
        });
        await factory.WithScopeAsync(sp => sp.GetRequiredService<Portal.Core.DataMigrations.DataMigrationRunner>().RunAllAsync());

        var workflow = (await factory.WithScopeAsync(sp => sp.GetRequiredService<WorkflowStore>().ForTypeAsync("Action")))!;
        workflow.Transitions.Where(t => t.RequiresOtherPerson).Select(t => t.Name).Should().Equal("approve");
        workflow.AllowSelfApproval.Should().BeFalse();
    }

    /// <summary>Saves a new title as a draft in the back office and submits it for review; returns the review page.</summary>
    private static async Task<string> EditAndSubmitAsync(HttpClient moderator, ContentItem item, string title)
    {
        var form = $"/admin/content/item/{item.ContentItemId}";
        (await moderator.SubmitAsync(form, form, ("TitlePart.Title.Text", title), ("submit", "draft"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var review = $"/admin/review/{item.ContentItemId}";
        (await moderator.PostFormAsync(review, $"{review}/submit", [new("comment", "")])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return review;
    }

    private static Task<string> StateAsync(PortalFactory factory, string id) => factory.WithDbAsync(async db =>
        ModerationService.StateOf(await db.ContentItems.AsNoTracking().SingleAsync(i => i.ContentItemId == id && i.Latest)));
}
