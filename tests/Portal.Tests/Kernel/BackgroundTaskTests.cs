using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Core.BackgroundTasks;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel;

public sealed class BackgroundTaskTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    /// <summary>Records what it ran; fails the payloads that say so.</summary>
    private sealed class RecordingHandler(ConcurrentBag<string> runs) : IBackgroundTaskHandler
    {
        public string Name => "test.record";

        public Task HandleAsync(string payload, CancellationToken cancellationToken)
        {
            runs.Add(payload);
            return payload.Contains("fail") ? throw new InvalidOperationException("asked to fail") : Task.CompletedTask;
        }
    }

    private static PortalFactory Site(string provider, ConcurrentBag<string> runs) => new(provider)
    {
        ConfigureTestServices = services =>
        {
            services.AddSingleton(runs);
            services.AddBackgroundTaskHandler<RecordingHandler>();
        },
    };

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++) await Task.Delay(100);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_task_is_stored_with_the_change_that_needs_it_and_run_once(string provider)
    {
        var runs = new ConcurrentBag<string>();
        using var factory = Site(provider, runs);
        factory.CreateClient().Dispose();

        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var queue = sp.GetRequiredService<IBackgroundTaskQueue>();
            // Enqueued in a transaction that is rolled back: it never existed.
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                queue.Enqueue("test.record", "rolled-back");
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            }
            db.ChangeTracker.Clear();
            queue.Enqueue("test.record", "committed");
            await db.SaveChangesAsync();
        });

        await WaitForAsync(() => factory.WithDbAsync(db => db.BackgroundTasks.AnyAsync(t => t.Status == BackgroundTaskStatus.Done)));
        runs.Should().Equal("committed");
        (await factory.WithDbAsync(db => db.BackgroundTasks.SingleAsync())).Status.Should().Be(BackgroundTaskStatus.Done);
    }

    [Fact]
    public async Task A_failing_task_is_tried_again_later_and_keeps_its_error()
    {
        var runs = new ConcurrentBag<string>();
        using var factory = Site("Sqlite", runs);
        factory.CreateClient().Dispose();
        await factory.WithScopeAsync(async sp =>
        {
            sp.GetRequiredService<IBackgroundTaskQueue>().Enqueue("test.record", "please fail");
            await sp.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        });

        await WaitForAsync(() => factory.WithDbAsync(db => db.BackgroundTasks.AnyAsync(t => t.LastError != null)));

        var task = await factory.WithDbAsync(db => db.BackgroundTasks.SingleAsync());
        task.Status.Should().Be(BackgroundTaskStatus.Pending);
        task.Attempts.Should().Be(1);
        task.LastError.Should().Be("asked to fail");
        task.AvailableUtc.Should().BeAfter(DateTime.UtcNow);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_nodes_sharing_a_database_never_run_the_same_task_twice(string provider)
    {
        var runs = new ConcurrentBag<string>();
        using var factory = Site(provider, runs);
        factory.CreateClient().Dispose();
        // Two more processors play two more web nodes, beside the site's own worker: three claim the same rows.
        await factory.WithScopeAsync(async sp =>
        {
            var queue = sp.GetRequiredService<IBackgroundTaskQueue>();
            for (var i = 0; i < 40; i++) queue.Enqueue("test.record", $"task-{i}");
            await sp.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        });

        var scopes = factory.Services.GetRequiredService<IServiceScopeFactory>();
        var nodes = Enumerable.Range(0, 2).Select(_ => new BackgroundTaskProcessor(scopes, TimeProvider.System, NullLogger<BackgroundTaskProcessor>.Instance)).ToList();
        await Task.WhenAll(nodes.Select(node => Task.Run(async () => { while (await node.RunNextAsync(CancellationToken.None)) { } })));
        await WaitForAsync(() => factory.WithDbAsync(async db => await db.BackgroundTasks.CountAsync(t => t.Status == BackgroundTaskStatus.Done) == 40));

        runs.Should().HaveCount(40).And.OnlyHaveUniqueItems();
        (await factory.WithDbAsync(db => db.BackgroundTasks.CountAsync(t => t.Status == BackgroundTaskStatus.Done))).Should().Be(40);
    }
}
