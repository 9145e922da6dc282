using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Moderation;

/// <summary>The back office names states, steps, types and fields in the editor's language, never by their technical names.</summary>
public sealed class BackOfficeWordsTests
{
    [Fact]
    public async Task The_back_office_shows_state_step_type_and_field_names_in_the_editors_language()
    {
        using var factory = WorkflowTests.Site();
        using (var probe = factory.CreateClient()) await ProposalOrganisationTests.ReadyAsync(probe);
        var action = await WorkflowTests.Partner1ActionAsync(factory);
        using (var partner = await WorkflowTests.SignedInAsync(factory, "partner1@portal.example"))
        {
            var edit = $"/fr/espace-partenaire/{action.ContentItemId}";
            (await partner.SubmitAsync(edit, edit, ("TitlePart.Title.Text", "Marche nordique du jeudi"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }
        using var admin = factory.CreateBrowser();
        (await admin.SignInAsync()).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var queue = Browser.Decode(await admin.GetStringAsync("/admin/review"));
        queue.Should().Contain("<td>En relecture</td>").And.NotContain(">InReview<");

        var versions = Browser.Decode(await admin.GetStringAsync($"/admin/content/item/{action.ContentItemId}/versions"));
        versions.Should().Contain("envoyer en relecture (Brouillon → En relecture)").And.Contain("<td>Titre")
            .And.NotContain("InReview").And.NotContain("TitlePart.Title").And.NotContain("submit (");

        var list = Browser.Decode(await admin.GetStringAsync("/admin/content/Action"));
        list.Should().Contain(">En relecture</span>").And.NotContain(">InReview<");
        var dashboard = Browser.Decode(await admin.GetStringAsync("/admin"));
        dashboard.Should().NotContain(" – AidantSupport,").And.NotContain(" – Actor,");

        // The same pages in German: the words come from the PO files, the type names from the definitions.
        (await admin.PostFormAsync("/admin", "/admin/culture", [new("culture", "de"), new("returnUrl", "/admin/review")])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        Browser.Decode(await admin.GetStringAsync("/admin/review")).Should().Contain("<td>In Prüfung</td>").And.Contain("Angebot");
        Browser.Decode(await admin.GetStringAsync($"/admin/content/item/{action.ContentItemId}/versions"))
            .Should().Contain("zur Prüfung senden (Entwurf → In Prüfung)").And.Contain("<td>Titel");
    }
}
