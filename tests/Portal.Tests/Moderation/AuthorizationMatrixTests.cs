using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
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
        ("GET", "/admin/import/0123456789abcdef0123456789abcdef/status", [Editor, Admin]),
        ("POST", "/admin/import/0123456789abcdef0123456789abcdef/cancel", [Editor, Admin]),
        ("POST", "/admin/review/{item}/approve", Staff),
        ("POST", "/admin/review/{item}/archive", Staff),
        ("GET", "/admin/taxonomies", [Editor, Admin]),
        ("GET", "/admin/search", [Admin]),
        ("POST", "/admin/search/rebuild", [Admin]),
        ("GET", "/admin/search/insights", [Editor, Admin]),
        ("GET", "/admin/search/synonyms", [Editor, Admin]),
        ("GET", "/admin/search/synonyms/unknown-group", [Editor, Admin]),
        ("POST", "/admin/search/synonyms", [Editor, Admin]),
        ("POST", "/admin/search/synonyms/unknown-group", [Editor, Admin]),
        ("POST", "/admin/search/synonyms/unknown-group/delete", [Editor, Admin]),
        ("GET", "/admin/import", [Editor, Admin]),
        ("GET", "/admin/review", Staff),
        ("GET", "/admin/review/{item}", Staff),
        ("POST", "/admin/review/{item}/reject", Staff),
        ("POST", "/admin/review/approve", Staff),
        ("POST", "/admin/review/self-approval", [Admin]),
        ("POST", "/admin/review/{item}/organisation/link", Staff),
        ("POST", "/admin/review/{item}/organisation/create", Staff),
        ("GET", "/admin/freshness", Staff),
        ("GET", "/admin/users", [Admin]),
        ("GET", "/admin/users/invite", [Admin]),
        ("POST", "/admin/users/invite", [Admin]),
        ("GET", "/admin/users/no-such-user", [Admin]),
        ("GET", "/admin/roles", [Admin]),
        ("GET", "/admin/roles/Editor", [Admin]),
        ("GET", "/admin/events/gr-event-001-fr/registrants", Staff),
        ("GET", "/admin/events/gr-event-001-fr/registrants.csv", Staff),
        ("POST", "/admin/events/gr-event-001-fr/close-registration", Staff),
        ("GET", "/admin/events/gr-event-001-fr/registrants.xlsx", Staff),
        ("POST", "/admin/events/gr-event-001-fr/add", Staff),
        ("POST", "/admin/events/gr-event-001-fr/message", Staff),
        ("POST", "/admin/events/gr-event-001-fr/remove/no-such-registration", Staff),
        ("POST", "/admin/roles/new", [Admin]),
        ("POST", "/admin/users/no-such-user", [Admin]),
        ("GET", "/admin/account/security", [Partner1, Partner2, Editor, Moderator, Admin]),
        ("POST", "/admin/account/security/enable", [Partner1, Partner2, Editor, Moderator, Admin]),
        ("GET", "/admin/outbox", [Admin]),
        ("GET", "/admin/outbox?status=Failed", [Admin]),
        ("POST", "/admin/outbox/0/resend", [Admin]),
        ("POST", "/admin/outbox/0/discard", [Admin]),
        ("GET", "/admin/roles/new", [Admin]),
        ("POST", "/admin/roles/no-such-role", [Admin]),
        ("GET", "/admin/taxonomies/fees/terms/gratuit", [Editor, Admin]),
        ("POST", "/admin/taxonomies/fees/terms/new", [Editor, Admin]),
        ("POST", "/admin/import/0123456789abcdef0123456789abcdef/check", [Editor, Admin]),
        ("POST", "/admin/account/security/password", [Partner1, Partner2, Editor, Moderator, Admin]),
        ("POST", "/admin/account/security/disable", [Partner1, Partner2, Editor, Moderator, Admin]),
        ("GET", "/admin/media", [Editor, Admin]),
        ("GET", "/admin/media/upload", [Editor, Admin]),
        ("POST", "/admin/media/upload", [Editor, Admin]),
        ("GET", "/admin/media/no-such-media", [Editor, Admin]),
        ("POST", "/admin/media/no-such-media", [Editor, Admin]),
        ("POST", "/admin/media/no-such-media/replace", [Editor, Admin]),
        ("POST", "/admin/media/no-such-media/delete", [Editor, Admin]),
        ("GET", "/admin/embed", [Editor, Admin]),
        ("GET", "/admin/embed/new", [Editor, Admin]),
        ("POST", "/admin/embed/new", [Editor, Admin]),
        ("GET", "/admin/embed/no-such-widget", [Editor, Admin]),
        ("POST", "/admin/embed/no-such-widget", [Editor, Admin]),
        ("POST", "/admin/embed/no-such-widget/delete", [Editor, Admin]),
        ("GET", "/admin/replication-requests", Staff),
        ("POST", "/admin/replication-requests/no-such-request/forward", Staff),
        ("POST", "/admin/replication-requests/no-such-request/decline", Staff),
        ("GET", "/admin/network/applications", Staff),
        ("POST", "/admin/network/applications/no-such-application/approve", Staff),
        ("POST", "/admin/network/applications/no-such-application/reject", Staff),
        ("GET", "/admin/newsletter", [Editor, Admin]),
        ("GET", "/admin/newsletter/new", [Editor, Admin]),
        ("POST", "/admin/newsletter/new", [Editor, Admin]),
        ("GET", "/admin/newsletter/no-such-edition", [Editor, Admin]),
        ("POST", "/admin/newsletter/no-such-edition", [Editor, Admin]),
        ("GET", "/admin/newsletter/no-such-edition/preview/fr", [Editor, Admin]),
        ("POST", "/admin/newsletter/no-such-edition/test", [Editor, Admin]),
        ("POST", "/admin/newsletter/no-such-edition/send", [Editor, Admin]),
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
        ("GET", "/de/partnerbereich/{item}", [Partner1]),
        ("GET", "/de/partnerbereich/neu/Action?actor={actor}", [Partner1]),
        ("POST", "/de/partnerbereich/neu/AidantSupport?actor={actor}", [Partner1]),
        ("POST", "/de/partnerbereich/{item}/pruefen", [Partner1]),
        ("POST", "/de/partnerbereich/{item}", [Partner1]),
        ("POST", "/fr/espace-partenaire/{item}/retrait", [Partner1]),
        ("GET", "/fr/espace-partenaire/agenda", [Partner1, Partner2]),
        ("GET", "/fr/espace-partenaire/agenda/gr-event-001-fr", [Partner1]),
        ("GET", "/fr/espace-partenaire/agenda/gr-event-001-fr/registrants.csv", [Partner1]),
        ("POST", "/fr/espace-partenaire/agenda/gr-event-001-fr/close-registration", [Partner1]),
        ("GET", "/fr/espace-partenaire/agenda/gr-event-001-fr/registrants.xlsx", [Partner1]),
        ("POST", "/fr/espace-partenaire/agenda/gr-event-001-fr/add", [Partner1]),
        ("POST", "/fr/espace-partenaire/agenda/gr-event-001-fr/message", [Partner1]),
        // No such registration: a 404 for everyone, partner1 included (OrganiserToolsTests removes a real one).
        ("POST", "/fr/espace-partenaire/agenda/gr-event-001-fr/remove/no-such-registration", []),
        ("GET", "/fr/espace-partenaire/nouveau/Event?actor={actor}", [Partner1]),
        ("POST", "/fr/espace-partenaire/nouveau/Event?actor={actor}", [Partner1]),
        ("GET", "/fr/espace-partenaire/gr-event-001-fr", [Partner1]),
        // The professionals' network: a partner's details on its own entries and its staff's invitations; a member's profile and contact form (no demo account is a member).
        ("GET", "/fr/reseau/orientation/{item}", [Partner1]),
        ("POST", "/fr/reseau/orientation/{item}", [Partner1]),
        ("GET", "/de/netzwerk/vermittlung/{item}", [Partner1]),
        ("GET", "/fr/reseau/inviter", [Partner1, Partner2]),
        ("POST", "/de/netzwerk/einladen", [Partner1, Partner2]),
        ("GET", "/fr/reseau/mon-profil", []),
        ("POST", "/fr/reseau/mon-profil", []),
        ("POST", "/fr/reseau/mon-profil/supprimer", []),
        ("GET", "/fr/reseau/ecrire/no-such-member", []),
        ("POST", "/de/netzwerk/schreiben/no-such-member", []),
    ];

    /// <summary>Endpoints anyone may use, left out of the matrix on purpose: one sample request each.</summary>
    private static readonly (string Method, string Url)[] Public =
    [
        ("GET", "/health"), ("GET", "/error/404"), ("GET", "/robots.txt"), ("GET", "/sitemap.xml"), ("GET", "/theme/colors.css"),
        ("GET", "/favicon.ico"), ("GET", "/fr/manifest.webmanifest"),
        ("GET", "/"), ("GET", "/fr"), ("GET", "/fr/une-page"), ("GET", "/fr/actions"), ("GET", "/fr/actualites"), ("GET", "/fr/actualites/rss.xml"),
        ("GET", "/fr/recherche"), ("GET", "/fr/recherche/imprimer"), ("GET", "/fr/carte"), ("GET", "/fr/donnees-ouvertes"), ("GET", "/fr/plan-du-site"),
        ("GET", "/api/search"), ("GET", "/api/search/suggest"), ("GET", "/api/map.geojson"), ("GET", "/api/content/{item}"),
        ("GET", "/api/open-data/data-inclusion/structures.json"), ("GET", "/api/open-data/data-inclusion/services.json"), ("GET", "/api/open-data/directory.geojson"),
        ("GET", "/api/content"), ("POST", "/fr/proposer"), ("POST", "/de/vorschlagen"),
        ("GET", "/fr/verification/token"), ("POST", "/fr/verification/token"), ("GET", "/de/verification/token"), ("POST", "/de/verification/token"),
        ("GET", "/admin/login"), ("POST", "/admin/login"), ("GET", "/admin/login/code"), ("POST", "/admin/login/code"), ("POST", "/admin/logout"),
        ("GET", "/admin/denied"), ("POST", "/admin/culture"), ("GET", "/admin/invitation"), ("POST", "/admin/invitation"),
        ("GET", "/admin/password/forgot"), ("POST", "/admin/password/forgot"), ("GET", "/admin/password/reset"), ("POST", "/admin/password/reset"),
        ("GET", "/fr/agenda"), ("GET", "/fr/agenda/archives"), ("GET", "/fr/agenda/agenda.ics"), ("GET", "/fr/agenda/un-atelier/event.ics"),
        ("GET", "/media/{item}/file.pdf"), ("GET", "/media/{item}/1/file.pdf"), ("GET", "/media/{item}/1/w320/file.jpg"),
        ("GET", "/fr/ressources"),
        ("GET", "/embed/{item}"), ("GET", "/embed/{item}/part"), ("GET", "/api/openapi.json"), ("GET", "/fr/donnees-et-api"),
        ("POST", "/fr/agenda/un-atelier/inscription"), ("GET", "/fr/agenda/inscription/jeton"), ("POST", "/fr/agenda/inscription/jeton"),
        ("GET", "/fr/projets-inspirants"), ("GET", "/fr/projets-inspirants/un-projet/reproduire"), ("POST", "/de/gute-praxis/ein-projekt/uebernehmen"),
        ("GET", "/fr/bien-vieillir-frontiere"), ("GET", "/de/glossar"),
        ("GET", "/fr/connexion"), ("POST", "/de/anmelden"), ("GET", "/fr/mot-de-passe-oublie"), ("POST", "/de/passwort-vergessen"),
        ("GET", "/fr/nouveau-mot-de-passe"), ("POST", "/de/neues-passwort"),
        ("GET", "/fr/reseau"), ("GET", "/de/netzwerk/beitreten"), ("POST", "/fr/reseau/adherer"),
        ("GET", "/fr/lettre-d-information"), ("GET", "/de/newsletter/0123456789abcdefghjkmnpqrs"), ("GET", "/fr/lettre-d-information/inscription"),
        ("POST", "/fr/lettre-d-information/inscription"), ("POST", "/de/newsletter/anmeldung/pruefen"),
        ("GET", "/fr/lettre-d-information/confirmer/jeton"), ("POST", "/fr/lettre-d-information/confirmer/jeton"),
        ("GET", "/fr/lettre-d-information/preferences/jeton"), ("POST", "/fr/lettre-d-information/preferences/jeton"),
        ("GET", "/de/newsletter/abmelden/jeton"), ("POST", "/de/newsletter/abmelden/jeton"),
        ("POST", "/fr/proposer/organisations"),
    ];

    [Fact]
    public void Every_endpoint_is_in_the_matrix_or_in_the_public_list()
    {
        using var factory = new PortalFactory();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        endpoints.Should().HaveCountGreaterThan(50, "the endpoints are read from the running site");
        string.Join("\n", Unlisted(factory.Services, endpoints)).Should().BeEmpty("a new endpoint goes in the authorization matrix, or in the public list if anyone may use it");
    }

    [Fact]
    public void An_endpoint_missing_from_the_matrix_is_reported()
    {
        using var factory = new PortalFactory();
        var forgotten = new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/admin/forgotten/{id:int}"), 0,
            new EndpointMetadataCollection(new HttpMethodMetadata(["POST"])), "forgotten");
        var listedGet = new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/admin/outbox"), 0,
            new EndpointMetadataCollection(new HttpMethodMetadata(["GET"])), "listed");
        Unlisted(factory.Services, [forgotten, listedGet]).Should().Equal("POST /admin/forgotten/{id:int}");
    }

    /// <summary>"METHOD pattern" of each endpoint that no row of the matrix or of the public list reaches.</summary>
    private static List<string> Unlisted(IServiceProvider services, IEnumerable<RouteEndpoint> endpoints)
    {
        var resolver = services.GetRequiredService<IInlineConstraintResolver>();
        var context = new DefaultHttpContext { RequestServices = services };
        var rows = BackOffice.Select(r => (r.Method, r.Url)).Concat(PartnerSpace.Select(r => (r.Method, r.Url))).Concat(Public)
            .Select(r => (r.Method, Path: r.Url.Split('?')[0].Replace("{item}", "0123456789abcdef0123456789abcdef").Replace("{actor}", "gr-actor-001-fr")))
            .ToList();
        var all = endpoints.ToList();
        // A row stands for the endpoint the router would choose: of those it reaches, the first by order, then precedence.
        var chosen = rows.Select(r => all.Where(e => Reaches(e, r.Method, r.Path, resolver, context))
                .OrderBy(e => e.Order).ThenBy(e => e.RoutePattern.InboundPrecedence).FirstOrDefault())
            .OfType<RouteEndpoint>().ToHashSet();
        return all
            .Where(e => !chosen.Contains(e))
            .Select(e => $"{string.Join("|", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])} {e.RoutePattern.RawText}")
            .Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static bool Reaches(RouteEndpoint endpoint, string method, string path, IInlineConstraintResolver resolver, HttpContext context)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        if (methods is { Count: > 0 } && !methods.Contains(method)) return false;
        var values = new RouteValueDictionary();
        var matcher = new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), new RouteValueDictionary(endpoint.RoutePattern.Defaults));
        if (!matcher.TryMatch(path, values)) return false;
        foreach (var (name, policies) in endpoint.RoutePattern.ParameterPolicies)
            foreach (var policy in policies)
            {
                var constraint = policy.ParameterPolicy as IRouteConstraint ?? (policy.Content is { } text ? resolver.ResolveConstraint(text) : null);
                if (constraint is not null && values.TryGetValue(name, out var value) && value is not null
                    && !constraint.Match(context, null, name, values, RouteDirection.IncomingRequest))
                    return false;
            }
        return true;
    }

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
                        || response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/admin/login") || location.Contains("/admin/denied")
                            // A public page sends an anonymous visitor to the public sign-in page, in its language.
                            || location.StartsWith("/fr/connexion?", StringComparison.Ordinal) || location.StartsWith("/de/anmelden?", StringComparison.Ordinal))
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
