using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Core.BackgroundTasks;
using Portal.Core.Data;
using Portal.Core.Mail;
using Portal.Newsletter.Data;
using Portal.Newsletter.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Newsletter;

/// <summary>An edition to 5,000 subscribers: batches through the outbox, a restart midway, nobody twice, counts that add up.</summary>
public sealed class EditionSendingTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const int Subscribers = 5000, BatchSize = 250;

    /// <summary>No background processor: the test runs the batches itself (as the processor would), so it knows when a host stops.</summary>
    private static void WithoutProcessor(IServiceCollection services)
    {
        foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is not null).ToList()) services.Remove(hosted);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_edition_to_5000_subscribers_goes_in_batches_survives_a_restart_and_reaches_each_one_once(string provider)
    {
        var directory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        string? database = null;
        var connection = provider == "Postgres" ? TestDatabases.CreatePostgresDatabase(out database) : null;
        try
        {
            string editionId;
            int firstHostBatches = 7;
            using (var first = NewsletterSite.Create(provider, directory, connection, WithoutProcessor))
            {
                await NewsletterSite.SeedAsync(first);
                await first.WithScopeAsync(async sp =>
                {
                    var settings = sp.GetRequiredService<NewsletterSettingsStore>();
                    var values = await settings.GetAsync();
                    values.NewsletterBatchSize = BatchSize;
                    await settings.SaveAsync(values);
                    var newsletter = sp.GetRequiredService<NewsletterDbContext>();
                    newsletter.Subscribers.AddRange(Enumerable.Range(0, Subscribers).Select(i => new Subscriber
                    {
                        Id = $"s{i:D5}", Email = $"reader{i:D5}@example.org", Culture = i % 3 == 0 ? "de" : "fr",
                        Audiences = i % 2 == 0 ? "public" : "public,professionals", Token = SubscriberLinks.NewToken(),
                        Status = SubscriberStatus.Confirmed, CreatedUtc = DateTime.UtcNow, ConfirmedUtc = DateTime.UtcNow,
                    }));
                    await newsletter.SaveChangesAsync();
                });
                editionId = (await NewsletterSite.EditionAsync(first)).Id;
                await first.WithScopeAsync(async sp =>
                {
                    var dispatch = sp.GetRequiredService<EditionDispatch>();
                    (await dispatch.StartAsync((await sp.GetRequiredService<Editions>().FindAsync(editionId))!)).Should().BeTrue();
                    for (var i = 0; i < firstHostBatches; i++) (await dispatch.RunBatchAsync(editionId)).Claimed.Should().Be(BatchSize);
                    var midway = await dispatch.CountsAsync(editionId);
                    midway.Should().Be(new DispatchCounts(Subscribers, 0, 0, Subscribers, 0), "queued mails wait in the outbox, the others for their batch");
                });
                (await NewsletterSite.MailsAsync(first)).Should().HaveCount(firstHostBatches * BatchSize);
                // The next batch is a background task waiting for its time (the configured rate), in the database.
                (await first.WithDbAsync(db => db.BackgroundTasks.CountAsync(t => t.Name == EditionDispatch.TaskName && t.Status == BackgroundTaskStatus.Pending))).Should().Be(1);
            }

            // A new host on the same database carries on where the first stopped.
            using var second = NewsletterSite.Create(provider, directory, connection, WithoutProcessor);
            var batches = await second.WithScopeAsync(async sp =>
            {
                var dispatch = sp.GetRequiredService<EditionDispatch>();
                var n = 0;
                while (true)
                {
                    var batch = await dispatch.RunBatchAsync(editionId);
                    if (batch.Claimed > 0) n++;
                    batch.Claimed.Should().BeLessThanOrEqualTo(BatchSize);
                    if (batch.Remaining == 0) break;
                }
                (await dispatch.RunBatchAsync(editionId)).Should().Be(new BatchResult(0, 0), "once done, a late batch task sends nothing");
                return n;
            });
            batches.Should().Be(Subscribers / BatchSize - firstHostBatches);

            var mails = await NewsletterSite.MailsAsync(second);
            mails.Should().HaveCount(Subscribers);
            mails.Select(m => m.To).Distinct().Should().HaveCount(Subscribers, "nobody receives the edition twice");
            mails.Where(m => m.To == "reader00003@example.org").Should().ContainSingle().Which.Subject.Should().Be("Newsletter März");
            mails.Where(m => m.To == "reader00001@example.org").Should().ContainSingle().Which.Subject.Should().Be("Lettre de mars");
            (await second.WithScopeAsync(sp => sp.GetRequiredService<Editions>().FindAsync(editionId)))!.Status.Should().Be(EditionStatus.Sent);

            // The outbox sends them; some fail: the counts follow, and always add up.
            await second.WithDbAsync(async db =>
            {
                var ids = await db.BackgroundTasks.Where(t => t.Name == MailQueue.TaskName).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
                var failed = ids.Take(12).ToList();
                var sent = ids.Skip(12).Take(4000).ToList();
                await db.BackgroundTasks.Where(t => failed.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, BackgroundTaskStatus.Failed));
                await db.BackgroundTasks.Where(t => sent.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, BackgroundTaskStatus.Done));
                return 0;
            });
            var counts = await second.WithScopeAsync(sp => sp.GetRequiredService<EditionDispatch>().CountsAsync(editionId));
            counts.Should().Be(new DispatchCounts(Subscribers, 4000, 12, Subscribers - 4012, 0));
            (counts.Sent + counts.Failed + counts.Pending + counts.Skipped).Should().Be(counts.Total);
        }
        finally
        {
            if (database is not null) TestDatabases.DropPostgresDatabase(database);
            try { System.IO.Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_nodes_running_batches_at_once_never_queue_a_recipient_twice(string provider)
    {
        using var factory = NewsletterSite.Create(provider, services: WithoutProcessor);
        await NewsletterSite.SeedAsync(factory);
        await factory.WithScopeAsync(async sp =>
        {
            var settings = sp.GetRequiredService<NewsletterSettingsStore>();
            var values = await settings.GetAsync();
            values.NewsletterBatchSize = 50;
            await settings.SaveAsync(values);
            var newsletter = sp.GetRequiredService<NewsletterDbContext>();
            newsletter.Subscribers.AddRange(Enumerable.Range(0, 600).Select(i => new Subscriber
            {
                Id = $"p{i:D4}", Email = $"p{i:D4}@example.org", Culture = "fr", Audiences = "public", Token = SubscriberLinks.NewToken(),
                Status = SubscriberStatus.Confirmed, CreatedUtc = DateTime.UtcNow,
            }));
            await newsletter.SaveChangesAsync();
        });
        var editionId = (await NewsletterSite.EditionAsync(factory)).Id;
        await factory.WithScopeAsync(async sp => (await sp.GetRequiredService<EditionDispatch>().StartAsync((await sp.GetRequiredService<Editions>().FindAsync(editionId))!)).Should().BeTrue());

        async Task Node()
        {
            while (true)
            {
                var batch = await factory.WithScopeAsync(sp => sp.GetRequiredService<EditionDispatch>().RunBatchAsync(editionId));
                if (batch.Remaining == 0) return;
            }
        }
        await Task.WhenAll(Node(), Node(), Node());
        var mails = await NewsletterSite.MailsAsync(factory);
        mails.Should().HaveCount(600);
        mails.Select(m => m.To).Distinct().Should().HaveCount(600);
        (await factory.WithScopeAsync(sp => sp.GetRequiredService<EditionDispatch>().CountsAsync(editionId))).Should().Be(new DispatchCounts(600, 0, 0, 600, 0));
    }
}
