using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Moderation;

/// <summary>Every back-office and partner endpoint against every role: allowed or denied, as designed, checked on the server.</summary>
public sealed class AuthorizationMatrixTests
{
    private const string Anonymous = "anonymous", Partner1 = "partner1", Partner2 = "partner2", Editor = "editor", Moderator = "moderator", Admin = "admin";
    private static readonly string[] Everyone = [Anonymous, Partner1, Partner2, Editor, Moderator, Admin];
    private static readonly string[] Staff = [Editor, Moderator, Admin];

    /// <summary>Back-office endpoints: denied is a redirect to the sign-in or "denied" page (or 401/403).</summary>
    private static readonly (string Method, string Url, string[] Allowed)[] BackOffice =
    [
        ("GET", "/admin", Staff),
        ("GET", "/admin/content/Action", Staff),
        ("GET", "/admin/content/Action?format=xlsx", Staff),
        ("GET", "/admin/content/Action/new", Staff),
        ("GET", "/admin/content/item/{item}", Staff),
        ("GET", "/admin/content/item/{item}/versions", Staff),
        ("POST", "/admin/content/item/no-such-item/publish", [Editor, Admin]),
        ("POST", "/admin/content/item/no-such-item/delete", [Editor, Admin]),
        ("POST", "/admin/content/item/{item}/versions/no-such-version/restore", Staff),
        ("POST", "/admin/content/item/no-such-item/unpublish", [Editor, Admin]),
        ("POST", "/admin/content/item/no-such-item/clone", Staff),
        ("POST", "/admin/content/item/no-such-item/translate/de", Staff),
        ("POST", "/admin/content/item/no-such-item", Staff),
        ("POST", "/admin/content/Action/new", Staff),
        ("GET", "/admin/taxonomies/territories", [Editor, Admin]),
        ("GET", "/admin/taxonomies/fees/terms/new", [Editor, Admin]),
        ("POST", "/admin/taxonomies/fees/terms/gratuit", [Editor, Admin]),
        ("POST", "/admin/import", [Editor, Admin]),
        ("GET", "/admin/import/0123456789abcdef0123456789abcdef", [Editor, Admin]),
        ("POST", "/admin/import/0123456789abcdef0123456789abcdef/apply", [Editor, Admin]),
        ("GET", "/admin/import/0123456789abcdef0123456789abcdef/report.csv", [Editor, Admin]),
        ("POST", "/admin/review/{item}/approve", Staff),
        ("POST", "/admin/review/{item}/archive", Staff),
        ("GET", "/admin/taxonomies", [Editor, Admin]),
        ("GET", "/admin/search", [Admin]),
        ("POST", "/admin/search/rebuild", [Admin]),
        ("GET", "/admin/import", [Editor, Admin]),
        ("GET", "/admin/review", Staff),
        ("GET", "/admin/review/{item}", Staff),
        ("POST", "/admin/review/{item}/reject", Staff),
        ("POST", "/admin/review/approve", Staff),
        ("POST", "/admin/review/self-approval", [Admin]),
        ("GET", "/admin/freshness", Staff),
        ("GET", "/admin/users", [Admin]),
        ("GET", "/admin/users/invite", [Admin]),
        ("POST", "/admin/users/invite", [Admin]),
        ("GET", "/admin/users/no-such-user", [Admin]),
        ("GET", "/admin/roles", [Admin]),
        ("GET", "/admin/roles/Editor", [Admin]),
        ("POST", "/admin/roles/new", [Admin]),
        ("POST", "/admin/users/no-such-user", [Admin]),
        ("GET", "/admin/account/security", [Partner1, Partner2, Editor, Moderator, Admin]),
        ("POST", "/admin/account/security/enable", [Partner1, Partner2, Editor, Moderator, Admin]),
        ("GET", "/admin/outbox", [Admin]),
        ("GET", "/admin/outbox?status=Failed", [Admin]),
        ("POST", "/admin/outbox/0/resend", [Admin]),
        ("POST", "/admin/outbox/0/discard", [Admin]),
    ];

    /// <summary>Partner endpoints on partner1's items: anyone else gets a 404 (anonymous visitors are sent to sign in).</summary>
    private static readonly (string Method, string Url, string[] Allowed)[] PartnerSpace =
    [
        ("GET", "/fr/espace-partenaire", [Partner1, Partner2, Editor, Moderator, Admin]),
        ("GET", "/de/partnerbereich", [Partner1, Partner2, Editor, Moderator, Admin]),
        ("GET", "/fr/espace-partenaire/{item}", [Partner1]),
        ("GET", "/fr/espace-partenaire/{actor}", [Partner1]),
        ("GET", "/fr/espace-partenaire/nouveau/Action?actor={actor}", [Partner1]),
        ("POST", "/fr/espace-partenaire/nouveau/AidantSupport?actor={actor}", [Partner1]),
        ("POST", "/fr/espace-partenaire/{item}/verifier", [Partner1]),
        ("POST", "/de/partnerbereich/{item}/rueckzug", [Partner1]),
        ("POST", "/fr/espace-partenaire/{item}", [Partner1]),
        ("GET", "/fr/proposer", Everyone),
        ("GET", "/de/vorschlagen?type=Action", Everyone),
    ];

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_designed()
    {
        using var factory = WorkflowTests.Site();
        var item = (await WorkflowTests.Partner1ActionAsync(factory)).ContentItemId;
        var clients = new Dictionary<string, HttpClient> { [Anonymous] = factory.CreateBrowser() };
        foreach (var (role, email) in new[] { (Partner1, "partner1@portal.example"), (Partner2, "partner2@portal.example"), (Editor, "editor@portal.example"), (Moderator, "moderator@portal.example") })
            clients[role] = await WorkflowTests.SignedInAsync(factory, email);
        clients[Admin] = factory.CreateBrowser();
        (await clients[Admin].SignInAsync()).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var failures = new List<string>();
        foreach (var (area, rows) in new[] { ("back office", BackOffice), ("partner", PartnerSpace) })
            foreach (var (method, template, allowed) in rows)
                foreach (var (role, client) in clients)
                {
                    var url = template.Replace("{item}", item).Replace("{actor}", "gr-actor-001-fr");
                    HttpResponseMessage response;
                    if (method == "GET") response = await client.GetAsync(url);
                    else
                    {
                        var token = await client.TokenAsync("/fr/proposer?type=Action");
                        response = await client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("comment", "Test"), new("Email", "x@example.org")]));
                    }
                    var location = response.Headers.Location?.OriginalString ?? "";
                    var denied = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                        || response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/admin/login") || location.Contains("/admin/denied"))
                        || area == "partner" && response.StatusCode == HttpStatusCode.NotFound;
                    var expectedAllowed = allowed.Contains(role);
                    if (denied == expectedAllowed || response.StatusCode == HttpStatusCode.InternalServerError)
                        failures.Add($"{method} {url} as {role}: {(int)response.StatusCode} {location} (expected {(expectedAllowed ? "allowed" : "denied")})");
                }
        failures.Should().BeEmpty();

        // After signing in, a partner lands in their space, in their language (partner2 chose German).
        using (var fresh = factory.CreateBrowser())
            (await fresh.SignInAsync("partner2@portal.example", WorkflowTests.DemoPassword)).Headers.Location!.OriginalString.Should().Be("/de/partnerbereich");

        // partner2's tries on partner1's items were logged.
        factory.Logs.Entries.Should().Contain(e => e.Message.Contains("partner2@portal.example") && e.Message.Contains(item) && e.Message.Contains("not theirs"));
        // Without a valid antiforgery token, a POST is refused with 400 whoever sends it.
        (await clients[Partner1].PostAsync($"/fr/espace-partenaire/{item}/verifier", new FormUrlEncodedContent([]))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await clients[Moderator].PostAsync($"/admin/review/{item}/approve", new FormUrlEncodedContent([]))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        foreach (var client in clients.Values) client.Dispose();
    }

    [Fact]
    public async Task Without_a_demo_password_no_sample_account_exists()
    {
        using var factory = new PortalFactory(recipe: "grande-region");
        using var client = factory.CreateClient();
        var emails = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Users.Select(u => u.Email!)));
        emails.Should().Equal(PortalFactory.AdminEmail);
    }
}
