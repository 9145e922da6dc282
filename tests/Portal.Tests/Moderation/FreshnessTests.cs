using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Moderation.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Moderation;

/// <summary>A clock that can be moved forward, to see the site as it will be in a year.</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

/// <summary>The freshness loop: reminders for entries not checked for a year, and the one-click "still accurate".</summary>
public sealed class FreshnessTests
{
    [Fact]
    public async Task Thirteen_months_later_each_stale_entry_gets_one_reminder_and_its_link_records_the_check()
    {
        var clock = new MovableClock();
        using var site = WorkflowTests.Site(clock: clock);
        using var client = site.CreateBrowser();

        clock.Offset = TimeSpan.FromDays(396);
        // Each published directory entry of partner1's and partner2's organisations is stale by now: one reminder each
        // (their events are dated: they are not asked whether they are still accurate).
        var expected = await site.WithScopeAsync(async sp =>
        {
            var scope = sp.GetRequiredService<PartnerScope>();
            var db = sp.GetRequiredService<Portal.Core.Data.PortalDbContext>();
            var count = 0;
            foreach (var email in new[] { "partner1@portal.example", "partner2@portal.example" })
            {
                var user = await db.Users.SingleAsync(u => u.Email == email);
                var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new(System.Security.Claims.ClaimTypes.NameIdentifier, user.Id)], "test"));
                var ids = (await scope.ItemsAsync(principal)).Select(i => i.ContentItemId).ToList();
                count += await db.ContentItems.CountAsync(i => i.Published && ids.Contains(i.ContentItemId) && Portal.Directory.DirectoryTypes.All.Contains(i.ContentType));
            }
            return count;
        });
        expected.Should().BeGreaterThan(2);
        var sent = await site.WithScopeAsync(sp => sp.GetRequiredService<FreshnessService>().RemindAsync());
        sent.Should().Be(expected);
        (await site.WithScopeAsync(sp => sp.GetRequiredService<FreshnessService>().RemindAsync())).Should().Be(0, "a partner is reminded once a month at most");

        // The messages are in the pickup folder, in each partner's language.
        var folder = Path.Combine(site.DataDirectory, "mail");
        string[] files = [];
        for (var i = 0; i < 100 && files.Length < expected; i++)
        {
            await Task.Delay(200);
            files = System.IO.Directory.Exists(folder) ? System.IO.Directory.GetFiles(folder, "*.eml") : [];
        }
        var messages = files.Select(f => MimeKit.MimeMessage.Load(f)).Where(m => (m.Subject ?? "").StartsWith("Ces informations") || (m.Subject ?? "").StartsWith("Stimmt das noch")).ToList();
        messages.Should().HaveCount(expected);
        messages.Should().Contain(m => m.To.ToString().Contains("partner2@portal.example") && m.Subject!.StartsWith("Stimmt das noch"));
        var message = messages.First(m => m.To.ToString().Contains("partner1@portal.example"));
        var link = Regex.Match(message.TextBody ?? "", @"https?://\S+/fr/verification/\S+").Value;
        link.Should().NotBeEmpty();
        var path = new Uri(link).PathAndQuery;
        var itemTitle = message.Subject!["Ces informations sont-elles toujours exactes ? ".Length..];

        // A tampered link changes nothing.
        var tampered = await client.GetAsync(path[..^4] + "AAAA");
        tampered.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Browser.Decode(await tampered.Content.ReadAsStringAsync()).Should().Contain("Ce lien a expiré ou n'est pas valide : rien n'a été modifié.");

        // The real one: a page with one button, which records the check (on the moved clock's day).
        var page = await client.GetAsync(path);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var confirmed = await client.PostFormAsync(path, path, []);
        confirmed.StatusCode.Should().Be(HttpStatusCode.OK);
        Browser.Decode(await confirmed.Content.ReadAsStringAsync()).Should().Contain("est enregistré comme vérifié aujourd'hui");
        var today = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd");
        var item = await site.WithDbAsync(db => db.ContentItems.SingleAsync(i => i.Published && i.DisplayText == itemTitle));
        item.Field("DirectoryEntryPart", "LastVerified")!["Value"]!.GetValue<string>().Should().Be(today);
        (await site.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.ContentItemId == item.ContentItemId && a.Action == "Verified"))).Should().Be(1);
        // Checked: it is no longer stale.
        (await site.WithScopeAsync(sp => sp.GetRequiredService<FreshnessService>().StaleAsync())).Should().NotContain(s => s.Item.ContentItemId == item.ContentItemId);
    }
}
