using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Core.BackgroundTasks;
using Portal.Core.Data;
using Portal.Core.Mail;
using Portal.Outbox.Services;
using Portal.Tests.Infrastructure;
using Portal.Tests.Moderation;

namespace Portal.Tests.Web;

/// <summary>SMTP down: a message is tried again for 72 hours, then shown as failed in the outbox, where it is resent or discarded.</summary>
public sealed class OutboxTests
{
    private const string Subject = "Votre proposition est bien arrivée";
    private const string Body = "Texte du message, que l'écran de la boîte d'envoi ne montre jamais.";

    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static PortalFactory Site(string provider, MovableClock clock, int smtpPort) => new PortalFactory(provider) { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) }
        .WithSetting("Portal:Smtp:Host", "127.0.0.1")
        .WithSetting("Portal:Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithSetting("Portal:Smtp:Security", "None");

    private static Task<BackgroundTask> MailAsync(PortalFactory factory, string to) =>
        factory.WithDbAsync(db => db.BackgroundTasks.AsNoTracking().SingleAsync(t => t.Name == MailQueue.TaskName && t.Payload.Contains(to)));

    private static Task EnqueueAsync(PortalFactory factory, string to) => factory.WithScopeAsync(async sp =>
    {
        sp.GetRequiredService<IMailQueue>().Enqueue(new OutgoingMail(to, Subject, Body));
        await sp.GetRequiredService<PortalDbContext>().SaveChangesAsync();
    });

    /// <summary>Moves the clock to the task's next try and runs it; returns the task as it is afterwards.</summary>
    private static async Task<BackgroundTask> NextAttemptAsync(PortalFactory factory, MovableClock clock, BackgroundTaskProcessor node, string to)
    {
        var task = await MailAsync(factory, to);
        var due = task.AvailableUtc - DateTime.UtcNow + TimeSpan.FromSeconds(1);
        if (due > clock.Offset) clock.Offset = due;
        await node.RunNextAsync(CancellationToken.None);
        return await MailAsync(factory, to);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task With_smtp_down_a_message_stays_pending_72_hours_then_fails_into_the_outbox_and_is_resent_when_the_server_is_back(string provider)
    {
        var clock = new MovableClock();
        var port = FakeSmtpServer.FreePort();
        using var factory = Site(provider, clock, port);
        factory.CreateClient().Dispose();
        // The site's own worker waits an hour between rounds: the test plays the worker, attempt by attempt.
        factory.Services.GetRequiredService<BackgroundTaskProcessor>().PollInterval = TimeSpan.FromHours(1);
        await Task.Delay(1000);
        var node = new BackgroundTaskProcessor(factory.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<BackgroundTaskProcessor>.Instance);

        const string to = "proposer@example.org";
        await EnqueueAsync(factory, to);
        var task = await MailAsync(factory, to);
        var started = DateTime.UtcNow;
        while (task.Status != BackgroundTaskStatus.Failed && task.Attempts < 200)
        {
            task = await NextAttemptAsync(factory, clock, node, to);
            if (clock.Offset < MailRetry.Window)
                task.Status.Should().Be(BackgroundTaskStatus.Pending, $"attempt {task.Attempts}, {clock.Offset.TotalHours:F1} h after: still to be sent");
        }
        task.Status.Should().Be(BackgroundTaskStatus.Failed);
        (clock.GetUtcNow().UtcDateTime - started).Should().BeGreaterThanOrEqualTo(MailRetry.Window, "tried again for at least 72 hours");
        task.Attempts.Should().BeGreaterThan(BackgroundTaskProcessor.MaxAttempts);
        task.LastError.Should().NotBeNullOrEmpty();

        // The administrator sees it, with its error, but not its text; anonymous visitors see nothing.
        using (var anonymous = factory.CreateBrowser())
            (await anonymous.GetAsync("/admin/outbox")).StatusCode.Should().NotBe(HttpStatusCode.OK);
        using var admin = factory.CreateBrowser();
        (await admin.SignInAsync()).StatusCode.Should().Be(HttpStatusCode.Redirect);
        Browser.Decode(await admin.GetStringAsync("/admin")).Should().Contain("Boîte d'envoi : 1 message n'a pas pu être envoyé");
        var page = Browser.Decode(await admin.GetStringAsync("/admin/outbox?status=Failed"));
        page.Should().Contain(Subject).And.Contain(to).And.Contain(task.LastError!).And.NotContain("Texte du message");

        // The server is back: "Resend" sends it.
        using var smtp = new FakeSmtpServer(port);
        var resent = await admin.PostFormAsync("/admin/outbox?status=Failed", $"/admin/outbox/{task.Id}/resend", []);
        resent.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await MailAsync(factory, to)).Status.Should().Be(BackgroundTaskStatus.Pending);
        await node.RunNextAsync(CancellationToken.None);
        (await MailAsync(factory, to)).Status.Should().Be(BackgroundTaskStatus.Done);
        smtp.Messages.Should().ContainSingle().Which.Should().Contain(to);
        Browser.Decode(await admin.GetStringAsync("/admin/outbox?status=Done")).Should().Contain(Subject);

        // Thirty days on, the body of a sent message is erased; who and what about stay.
        clock.Offset += OutboxRetention.Kept + TimeSpan.FromDays(1);
        (await factory.WithScopeAsync(sp => sp.GetRequiredService<OutboxRetention>().EraseOldBodiesAsync())).Should().Be(1);
        var kept = await MailAsync(factory, to);
        var erased = System.Text.Json.JsonSerializer.Deserialize<OutgoingMail>(kept.Payload)!;
        (erased.To, erased.Subject, erased.Body).Should().Be((to, Subject, ""));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_discarded_message_is_never_sent_and_stays_listed(string provider)
    {
        var clock = new MovableClock();
        using var factory = Site(provider, clock, FakeSmtpServer.FreePort());
        factory.CreateClient().Dispose();
        factory.Services.GetRequiredService<BackgroundTaskProcessor>().PollInterval = TimeSpan.FromHours(1);
        await Task.Delay(1000);
        var node = new BackgroundTaskProcessor(factory.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<BackgroundTaskProcessor>.Instance);
        const string to = "unwanted@example.org";
        await EnqueueAsync(factory, to);
        (await NextAttemptAsync(factory, clock, node, to)).Status.Should().Be(BackgroundTaskStatus.Pending);

        using var admin = factory.CreateBrowser();
        await admin.SignInAsync();
        var id = (await MailAsync(factory, to)).Id;
        (await admin.PostAsync($"/admin/outbox/{id}/discard", new FormUrlEncodedContent([]))).StatusCode.Should().Be(HttpStatusCode.BadRequest, "no antiforgery token, no change");
        (await admin.PostFormAsync("/admin/outbox?status=Pending", $"/admin/outbox/{id}/discard", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);

        clock.Offset += TimeSpan.FromDays(4);
        await node.RunNextAsync(CancellationToken.None);
        var task = await MailAsync(factory, to);
        task.Status.Should().Be(BackgroundTaskStatus.Discarded);
        task.Attempts.Should().Be(1);
        using var later = factory.CreateBrowser(); // four days on, the first session has expired
        await later.SignInAsync();
        Browser.Decode(await later.GetStringAsync("/admin/outbox?status=Discarded")).Should().Contain(to).And.Contain(Subject);
    }
}
