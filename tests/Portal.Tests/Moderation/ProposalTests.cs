using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.BackgroundTasks;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Moderation;

/// <summary>The public proposal form's defences (no third-party captcha), its reference number, and mail that waits out a failing server.</summary>
public sealed class ProposalTests
{
    private static (string, string)[] Proposal(string title) =>
    [
        ("TitlePart.Title.Text", title), ("Action.Actor.ContentItemIds", "gr-actor-001-fr"), ("Action.Description.Markdown", "Une activité proposée."),
        ("Action.Domains.Terms", "sport"), ("proposerEmail", "visiteur@example.org"),
    ];

    private static Task<int> CountAsync(PortalFactory factory, string title) => factory.WithDbAsync(db => db.ContentItems.CountAsync(i => i.DisplayText == title));

    [Fact]
    public async Task Robots_too_fast_or_too_many_are_turned_away_and_a_person_gets_a_reference()
    {
        using var factory = new PortalFactory(recipe: "grande-region")
            .WithSetting("Portal:Setup:DemoPassword", WorkflowTests.DemoPassword)
            .WithSetting("Portal:Moderation:ProposalsPerHour", "3");
        using var visitor = factory.CreateBrowser();

        // Sent at once after opening the form: refused with a clear message, and what was typed is kept.
        var fast = await visitor.SubmitAsync("/fr/proposer?type=Action", "/fr/proposer?type=Action", Proposal("Trop rapide"));
        fast.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = Browser.Decode(await fast.Content.ReadAsStringAsync());
        page.Should().Contain("C'était très rapide").And.Contain("value=\"Trop rapide\"");
        (await CountAsync(factory, "Trop rapide")).Should().Be(0);

        // The hidden field filled: the robot sees a thank-you page, nothing is kept.
        await Task.Delay(3100);
        var robot = await visitor.SubmitAsync("/fr/proposer?type=Action", "/fr/proposer?type=Action", [.. Proposal("Robot"), ("website_url", "http://spam.example")]);
        robot.StatusCode.Should().Be(HttpStatusCode.OK);
        (await CountAsync(factory, "Robot")).Should().Be(0);

        // A person who took their time: a reference, the proposal in review, the messages queued.
        var html = await visitor.GetStringAsync("/fr/proposer?type=Action");
        await Task.Delay(3100);
        var fields = Browser.FormFields(html, "/fr/proposer?type=Action");
        foreach (var (name, value) in Proposal("Atelier de danse assise")) { fields.RemoveAll(f => f.Key == name); fields.Add(new(name, value)); }
        var sent = await visitor.PostAsync("/fr/proposer?type=Action", new FormUrlEncodedContent(fields));
        sent.StatusCode.Should().Be(HttpStatusCode.OK);
        var thanks = Browser.Decode(await sent.Content.ReadAsStringAsync());
        var reference = System.Text.RegularExpressions.Regex.Match(thanks, "référence (P-[A-Z0-9]{10})").Groups[1].Value;
        reference.Should().NotBeEmpty();
        var item = await factory.WithDbAsync(db => db.ContentItems.SingleAsync(i => i.DisplayText == "Atelier de danse assise"));
        (item.Status, item.Published, item.Owner).Should().Be(("InReview", false, "anonymous"));
        (await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.ContentItemId == item.ContentItemId && a.Action == "Proposed"))).Contact.Should().Be("visiteur@example.org");

        // The fourth proposal within the hour from the same address: 429.
        (await visitor.SubmitAsync("/fr/proposer?type=Action", "/fr/proposer?type=Action", Proposal("Encore une"))).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);

        // The moderator rejects it with a reason: the visitor is told, in French, and the proposal stays in history.
        using var moderator = await WorkflowTests.SignedInAsync(factory, "moderator@portal.example");
        var review = $"/admin/review/{item.ContentItemId}";
        (await moderator.PostFormAsync(review, $"{review}/reject", [new("comment", "Cette activité existe déjà dans l'annuaire.")])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var kept = await factory.WithDbAsync(db => db.ContentItems.SingleAsync(i => i.ContentItemId == item.ContentItemId));
        kept.Status.Should().Be("Rejected");
        // The outcome names the visitor's reference, never what they wrote (no relay of their text).
        var outcome = await MailToAsync(factory, "visiteur@example.org", $"Votre proposition {reference} ne sera pas publiée");
        outcome.Should().NotBeNull();
        outcome!.To.ToString().Should().Contain("visiteur@example.org");
        outcome.TextBody.Should().Contain("Cette activité existe déjà dans l'annuaire.").And.Contain(reference).And.NotContain("Atelier de danse assise");
    }

    /// <summary>The first message to <paramref name="to"/> (with that subject) written to the pickup folder, waiting for the outbox.</summary>
    public static async Task<MimeKit.MimeMessage?> MailToAsync(PortalFactory factory, string to, string? subject = null)
    {
        var folder = Path.Combine(factory.DataDirectory, "mail");
        for (var i = 0; i < 100; i++)
        {
            await Task.Delay(200);
            var found = System.IO.Directory.Exists(folder)
                ? System.IO.Directory.GetFiles(folder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).FirstOrDefault(m => (subject is null || m.Subject == subject) && m.To.ToString().Contains(to))
                : null;
            if (found is not null) return found;
        }
        return null;
    }

    [Fact]
    public async Task A_failing_mail_server_loses_no_message_it_is_tried_again_later()
    {
        using var factory = new PortalFactory(recipe: "grande-region")
            .WithSetting("Portal:Setup:DemoPassword", WorkflowTests.DemoPassword)
            .WithSetting("Portal:Smtp:Host", "127.0.0.1")
            .WithSetting("Portal:Smtp:Port", "9")
            .WithSetting("Portal:Smtp:Security", "None");
        using var admin = factory.CreateBrowser();
        await admin.SignInAsync();
        var invited = await admin.PostFormAsync("/admin/users/invite", "/admin/users/invite",
            [new("Email", "nouveau@example.org"), new("Name", "Nouveau partenaire"), new("Roles", "Partner"), new("Culture", "de"), new("Actors", "gr-actor-003-fr")]);
        invited.StatusCode.Should().Be(HttpStatusCode.Redirect, await invited.Content.ReadAsStringAsync());

        BackgroundTask? task = null;
        for (var i = 0; i < 100; i++)
        {
            await Task.Delay(200);
            task = await factory.WithDbAsync(db => db.BackgroundTasks.AsNoTracking().Where(t => t.Name == "mail.send" && t.Payload.Contains("nouveau@example.org")).SingleOrDefaultAsync());
            if (task?.Attempts >= 1 && task.Status == BackgroundTaskStatus.Pending) break;
        }
        task.Should().NotBeNull();
        task!.Status.Should().Be(BackgroundTaskStatus.Pending, "the message waits for the next try");
        task.Attempts.Should().BeGreaterThanOrEqualTo(1);
        task.LastError.Should().NotBeNullOrEmpty();
        task.AvailableUtc.Should().BeAfter(DateTime.UtcNow, "it is tried again later");
        task.Payload.Should().Contain("Ihr Konto im Verzeichnis", "the invitation is in the partner's language");
    }
}
