using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Moderation;

/// <summary>The partner form in short sections, and its confirm step: what changes, field by field, before anything is sent.</summary>
public sealed class PartnerFormStepsTests
{
    [Fact]
    public async Task The_change_summary_lists_the_changed_fields_before_anything_is_sent()
    {
        using var factory = WorkflowTests.Site();
        using (var probe = factory.CreateClient()) await ProposalOrganisationTests.ReadyAsync(probe);
        var action = await WorkflowTests.Partner1ActionAsync(factory);
        using var partner = await WorkflowTests.SignedInAsync(factory, "partner1@portal.example");
        var edit = $"/fr/espace-partenaire/{action.ContentItemId}";

        var form = Browser.Decode(await partner.GetStringAsync(edit));
        form.Should().Contain("<legend>Ce que c'est</legend>").And.Contain("<legend>Où</legend>").And.Contain("<legend>Contact, inscription et tarif</legend>")
            .And.Contain("name=\"step\" value=\"review\"");

        var checkedPage = await partner.SubmitAsync(edit, edit, ("TitlePart.Title.Text", "Marche du mercredi"), ("ContactPart.Phone.Phone", "03 87 11 22 33"), ("step", "review"));
        checkedPage.StatusCode.Should().Be(HttpStatusCode.OK);
        var summary = Browser.Decode(await checkedPage.Content.ReadAsStringAsync());
        summary.Should().Contain("<h1>Vérifiez vos modifications</h1>").And.Contain("Vous avez modifié 2 champs.")
            .And.Contain("<th scope=\"row\">Titre</th>").And.Contain(action.DisplayText).And.Contain("Marche du mercredi").And.Contain("03 87 11 22 33")
            .And.NotContain("<th scope=\"row\">Description</th>");
        // Nothing is stored yet.
        (await factory.WithDbAsync(db => db.ContentItems.AsNoTracking().SingleAsync(i => i.ContentItemId == action.ContentItemId && i.Latest))).DisplayText.Should().Be(action.DisplayText);

        // Going back to the form keeps what was typed.
        var fields = Browser.FormFields(summary, edit);
        var back = await partner.PostAsync(edit, new FormUrlEncodedContent([.. fields, new("step", "edit")]));
        back.StatusCode.Should().Be(HttpStatusCode.OK);
        Browser.Decode(await back.Content.ReadAsStringAsync()).Should().Contain("value=\"Marche du mercredi\"").And.Contain("value=\"03 87 11 22 33\"");

        // Confirming sends it for review.
        var sent = await partner.PostAsync(edit, new FormUrlEncodedContent([.. fields, new("step", "send")]));
        sent.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var latest = await factory.WithDbAsync(db => db.ContentItems.AsNoTracking().SingleAsync(i => i.ContentItemId == action.ContentItemId && i.Latest));
        (latest.DisplayText, latest.Status).Should().Be(("Marche du mercredi", "InReview"));
    }

    [Fact]
    public async Task A_field_needing_correction_stays_on_the_form_with_its_message()
    {
        using var factory = WorkflowTests.Site();
        using (var probe = factory.CreateClient()) await ProposalOrganisationTests.ReadyAsync(probe);
        var action = await WorkflowTests.Partner1ActionAsync(factory);
        using var partner = await WorkflowTests.SignedInAsync(factory, "partner1@portal.example");
        var edit = $"/fr/espace-partenaire/{action.ContentItemId}";
        var refused = await partner.SubmitAsync(edit, edit, ("TitlePart.Title.Text", ""), ("ContactPart.Phone.Phone", "03 87 11 22 33"), ("step", "review"));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Browser.Decode(await refused.Content.ReadAsStringAsync()).Should().Contain("id=\"TitlePart_Title-error\"").And.Contain("value=\"03 87 11 22 33\"").And.NotContain("Vérifiez vos modifications");
    }
}
