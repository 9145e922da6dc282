using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Moderation;

/// <summary>The partner space's forms read only the fields they show: any other name in a post is ignored.</summary>
public sealed class PartnerFormTests
{
    [Fact]
    public async Task A_partners_post_sets_only_the_fields_the_form_shows()
    {
        using var factory = WorkflowTests.Site();
        var action = await WorkflowTests.Partner1ActionAsync(factory);
        var entryBefore = action.Data["DirectoryEntryPart"]?.ToJsonString();
        using var partner = await WorkflowTests.SignedInAsync(factory, "partner1@portal.example");
        var edit = $"/fr/espace-partenaire/{action.ContentItemId}";

        var sent = await partner.SubmitAsync(edit, edit, ("TitlePart.Title.Text", "Marche du mardi"),
            ("Action.Actor.ContentItemIds", "gr-actor-002-fr"), ("DirectoryEntryPart.Sample.Value", "false"), ("DirectoryEntryPart.ExternalId.Text", "forged-id"));
        sent.StatusCode.Should().Be(HttpStatusCode.Redirect, await sent.Content.ReadAsStringAsync());

        var latest = await factory.WithDbAsync(db => db.ContentItems.AsNoTracking().SingleAsync(i => i.ContentItemId == action.ContentItemId && i.Latest));
        latest.DisplayText.Should().Be("Marche du mardi");
        latest.Field("Action", "Actor")!["ContentItemIds"]![0]!.GetValue<string>().Should().Be("gr-actor-001-fr");
        latest.Data["DirectoryEntryPart"]?.ToJsonString().Should().Be(entryBefore);
        latest.Data.ToJsonString().Should().NotContain("forged-id");

        // A new activity: the organisation is the partner's, whatever the post names.
        var create = "/fr/espace-partenaire/nouveau/Action?actor=gr-actor-001-fr";
        var created = await partner.SubmitAsync(create, create, ("TitlePart.Title.Text", "Atelier mémoire"), ("Action.Description.Markdown", "Un atelier."),
            ("Action.Domains.Terms", "sport"), ("Action.Actor.ContentItemIds", "gr-actor-002-fr"), ("DirectoryEntryPart.ExternalId.Text", "forged-id"));
        created.StatusCode.Should().Be(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var item = await factory.WithDbAsync(db => db.ContentItems.AsNoTracking().SingleAsync(i => i.DisplayText == "Atelier mémoire"));
        item.Field("Action", "Actor")!["ContentItemIds"]![0]!.GetValue<string>().Should().Be("gr-actor-001-fr");
        item.Data.ToJsonString().Should().NotContain("forged-id");
    }
}
