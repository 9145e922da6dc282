using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Events.Data;
using Portal.Tests.Infrastructure;
using Portal.Tests.Moderation;

namespace Portal.Tests.Events;

/// <summary>The organiser's tools on the list of registrants: add, remove, write to everyone, export to XLSX; for the organising partner and staff only.</summary>
public sealed class OrganiserToolsTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;
    private const string List = "/fr/espace-partenaire/agenda/gr-event-001-fr";

    private static Task<List<Registration>> RegistrationsAsync(PortalFactory site) => site.WithScopeAsync(async sp =>
        await sp.GetRequiredService<EventsDbContext>().Registrations.AsNoTracking().ToListAsync());

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_organising_partner_adds_writes_to_exports_and_removes_registrants_and_another_partner_cannot(string provider)
    {
        using var site = WorkflowTests.Site(provider);
        using var partner1 = await WorkflowTests.SignedInAsync(site, "partner1@portal.example");
        using var partner2 = await WorkflowTests.SignedInAsync(site, "partner2@portal.example");
        using var editor = await WorkflowTests.SignedInAsync(site, "editor@portal.example");

        // Sent empty: each error at its field, what was typed kept, nothing recorded.
        var invalid = await partner1.SubmitAsync(List, List + "/add", ("Name", ""), ("Email", "pas-une-adresse"), ("Needs", "Fauteuil roulant"));
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var html = await invalid.Content.ReadAsStringAsync();
        html.Should().Contain("id=\"add-Name-error\"").And.Contain("id=\"add-Email-error\"").And.Contain("id=\"add-Consent-error\"")
            .And.Contain("value=\"pas-une-adresse\"").And.Contain("Fauteuil roulant</textarea>").And.Contain("href=\"#add-Email\"");
        (await RegistrationsAsync(site)).Should().BeEmpty();

        // Added by the organiser: confirmed at once, told in the language chosen for them.
        var added = await partner1.SubmitAsync(List, List + "/add", ("Name", "Hildegard Telefon"), ("Email", "hildegard@example.org"), ("Seats", "2"),
            ("Culture", "de"), ("Consent", "true"));
        added.StatusCode.Should().Be(HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
        var hildegard = (await RegistrationsAsync(site)).Should().ContainSingle().Subject;
        hildegard.Status.Should().Be(RegistrationStatus.Confirmed);
        hildegard.Culture.Should().Be("de");
        Browser.Decode(await partner1.GetStringAsync(List)).Should().Contain("Hildegard Telefon").And.Contain("est inscrit(e)");
        var confirmation = (await RegistrationTests.MailsAsync(site, "hildegard@example.org")).Should().ContainSingle().Subject;
        confirmation.Subject.Should().StartWith("Anmeldung bestätigt");
        confirmation.Body.Should().Contain("/de/veranstaltungen/anmeldung/", "the link to cancel, in German");

        // A message to every registrant: the organiser's words, framed in the registrant's language.
        var sent = await partner1.SubmitAsync(List, List + "/message", ("Session", "-1"), ("Subject", "Changement de salle"), ("Body", "Rendez-vous salle B."));
        sent.StatusCode.Should().Be(HttpStatusCode.Redirect, await sent.Content.ReadAsStringAsync());
        var message = (await RegistrationTests.MailsAsync(site, "hildegard@example.org")).Last();
        message.Subject.Should().EndWith(": Changement de salle");
        message.Body.Should().StartWith("Guten Tag Hildegard Telefon").And.Contain("Rendez-vous salle B.").And.Contain("/de/veranstaltungen/anmeldung/");
        var empty = await partner1.SubmitAsync(List, List + "/message", ("Subject", ""), ("Body", "Sans objet"));
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).Should().Contain("id=\"msg-Subject-error\"").And.Contain("Sans objet</textarea>");

        // The XLSX export: the same lines as the CSV, read back with the Open XML SDK.
        var xlsx = await partner1.GetAsync(List + "/registrants.xlsx");
        xlsx.StatusCode.Should().Be(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var cells = ReadCells(await xlsx.Content.ReadAsByteArrayAsync());
        cells[0].Should().Contain(["name", "email", "seats", "language"]);
        cells.Should().Contain(row => row.Contains("Hildegard Telefon") && row.Contains("hildegard@example.org") && row.Contains("de"));
        ReadCells(await editor.GetByteArrayAsync("/admin/events/gr-event-001-fr/registrants.xlsx")).Should().Contain(row => row.Contains("Hildegard Telefon"));

        // Another partner, with valid tokens of their own: nothing found, nothing changed, nothing sent.
        var mailsBefore = (await RegistrationTests.MailsAsync(site)).Count;
        foreach (var (action, fields) in new (string, KeyValuePair<string, string>[])[]
        {
            (List + "/add", [new("Name", "Intrus"), new("Email", "intrus@example.org"), new("Seats", "1"), new("Culture", "fr"), new("Consent", "true")]),
            (List + "/message", [new("Session", "-1"), new("Subject", "Spam"), new("Body", "Spam")]),
            (List + "/remove/" + hildegard.Id, []),
        })
            (await partner2.PostFormAsync("/fr/proposer?type=Action", action, fields)).StatusCode.Should().Be(HttpStatusCode.NotFound, action);
        (await partner2.GetAsync(List + "/registrants.xlsx")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await RegistrationsAsync(site)).Should().ContainSingle().Which.Status.Should().Be(RegistrationStatus.Confirmed);
        (await RegistrationTests.MailsAsync(site)).Should().HaveCount(mailsBefore);

        // Removed by the organiser: cancelled, and told.
        var removed = await partner1.SubmitAsync(List, List + "/remove/" + hildegard.Id);
        removed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await RegistrationsAsync(site)).Single().Status.Should().Be(RegistrationStatus.Cancelled);
        (await RegistrationTests.MailsAsync(site, "hildegard@example.org")).Last().Subject.Should().StartWith("Anmeldung storniert");
        (await partner1.PostFormAsync(List, List + "/remove/no-such-registration", [])).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    /// <summary>Each row's cell texts (inline strings), the header first.</summary>
    private static List<List<string>> ReadCells(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
    }
}
