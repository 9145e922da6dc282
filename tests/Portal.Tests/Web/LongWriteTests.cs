using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Web;

/// <summary>On SQLite, a long write (an import of thousands of rows) must not stop the public site from reading.</summary>
public sealed class LongWriteTests(ITestOutputHelper output)
{
    private const int Rows = 10_000;

    [Fact]
    public async Task Public_pages_and_search_keep_answering_while_a_long_write_transaction_is_open()
    {
        // The loop below asks as fast as it can, from one address: above the public API's per-address limit.
        using var factory = new PortalFactory().WithSetting(Portal.Core.Hosting.PublicApi.RequestsPerMinuteSetting, "1000000");
        using var client = factory.CreateClient();
        (await client.GetAsync("/fr")).StatusCode.Should().Be(HttpStatusCode.OK);

        var inserted = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var writer = Task.Run(() => factory.WithScopeAsync(async sp =>
        {
            // One transaction writing the table every public page reads, as the import's apply does, kept open meanwhile.
            var db = sp.GetRequiredService<PortalDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var now = DateTime.UtcNow;
            for (var batch = 0; batch < Rows / 1000; batch++)
            {
                for (var i = 0; i < 1000; i++)
                {
                    var id = $"LW{batch:D4}{i:D4}".PadRight(26, '0');
                    db.ContentItems.Add(new ContentItem
                    {
                        ContentItemId = id, ContentItemVersionId = id, ContentType = "Page", DisplayText = $"Imported {batch}-{i}",
                        Latest = true, Culture = "fr", CreatedUtc = now, ModifiedUtc = now,
                    });
                }
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
            inserted.SetResult();
            await release.Task;
            await transaction.CommitAsync();
        }));
        await inserted.Task.WaitAsync(TimeSpan.FromSeconds(40));

        var pages = new List<double>();
        var searches = new List<double>();
        var health = new List<HttpStatusCode>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(6))
        {
            pages.Add(await TimedGetAsync(client, "/fr"));
            searches.Add(await TimedGetAsync(client, "/api/search?culture=fr&q=page"));
            health.Add((await client.GetAsync("/health")).StatusCode);
        }
        writer.IsCompleted.Should().BeFalse("the write transaction was still open while the site was read");
        release.SetResult();
        await writer;

        output.WriteLine($"During a write transaction of {Rows} rows held open: GET /fr p50 {Percentile(pages, 0.5):F0} ms, p95 {Percentile(pages, 0.95):F0} ms, max {pages.Max():F0} ms ({pages.Count} requests); GET /api/search p50 {Percentile(searches, 0.5):F0} ms, p95 {Percentile(searches, 0.95):F0} ms, max {searches.Max():F0} ms ({searches.Count} requests).");
        health.Should().AllSatisfy(s => s.Should().Be(HttpStatusCode.OK));
        Percentile(pages, 0.95).Should().BeLessThan(2000);
        Percentile(searches, 0.95).Should().BeLessThan(2000);
        (await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ContentItems, i => i.DisplayText.StartsWith("Imported ")))).Should().Be(Rows);
    }

    /// <summary>Milliseconds for a GET that must answer 200.</summary>
    private static async Task<double> TimedGetAsync(HttpClient client, string url)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"{url} answers while a write is under way");
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Percentile(List<double> values, double rank)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(rank * sorted.Count) - 1)];
    }
}
