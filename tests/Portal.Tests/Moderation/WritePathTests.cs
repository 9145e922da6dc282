using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Moderation;

/// <summary>Every write goes through the content manager: one audit row per change, and few round trips.</summary>
public sealed class WritePathTests(ITestOutputHelper output)
{
    private static Task<List<AuditEntry>> AuditAfterAsync(PortalFactory factory, string id, long after) =>
        factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.ContentItemId == id && a.Id > after).OrderBy(a => a.Id).ToListAsync());

    private static Task<long> LastAuditIdAsync(PortalFactory factory) =>
        factory.WithDbAsync(async db => await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_partners_submission_its_approval_and_a_verification_each_leave_one_audit_row(string provider)
    {
        var counter = new CommandCounter("/fr/espace-partenaire");
        using var factory = new PortalFactory(provider, recipe: "grande-region") { ConfigureTestServices = counter.Register }
            .WithSetting("Portal:Setup:DemoPassword", WorkflowTests.DemoPassword);
        counter.Requests = factory.Services.GetRequiredService<IHttpContextAccessor>();
        var action = await WorkflowTests.Partner1ActionAsync(factory);
        using var partner = await WorkflowTests.SignedInAsync(factory, "partner1@portal.example");
        var edit = $"/fr/espace-partenaire/{action.ContentItemId}";

        var before = await LastAuditIdAsync(factory);
        counter.Reset();
        var proposed = await partner.SubmitAsync(edit, edit, ("TitlePart.Title.Text", "Marche douce du lundi matin"));
        proposed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        output.WriteLine($"{provider}: a partner's submit ran {counter.Count} database commands");
        counter.Count.Should().BeLessThan(38);
        var submitted = (await AuditAfterAsync(factory, action.ContentItemId, before)).Should().ContainSingle().Subject;
        submitted.Action.Should().Be("submit");
        submitted.ToState.Should().Be("InReview");
        submitted.UserName.Should().Be("partner1@portal.example");
        submitted.ChangedFields.Should().Contain("TitlePart.Title");

        using var moderator = await WorkflowTests.SignedInAsync(factory, "moderator@portal.example");
        var review = $"/admin/review/{action.ContentItemId}";
        before = await LastAuditIdAsync(factory);
        (await moderator.PostFormAsync(review, $"{review}/approve", [new("comment", "Merci")])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var approved = (await AuditAfterAsync(factory, action.ContentItemId, before)).Should().ContainSingle().Subject;
        (approved.Action, approved.FromState, approved.ToState, approved.Comment, approved.UserName)
            .Should().Be(("approve", "InReview", "Published", "Merci", "moderator@portal.example"));

        before = await LastAuditIdAsync(factory);
        (await partner.PostFormAsync("/fr/espace-partenaire", $"{edit}/verifier", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var verified = (await AuditAfterAsync(factory, action.ContentItemId, before)).Should().ContainSingle().Subject;
        (verified.Action, verified.UserName).Should().Be(("Verified", "partner1@portal.example"));
        (await factory.WithDbAsync(db => db.ContentItems.CountAsync(i => i.ContentItemId == action.ContentItemId))).Should().Be(2, "a verification makes no new version");
    }
}
