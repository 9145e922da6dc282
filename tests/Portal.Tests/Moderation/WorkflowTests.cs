using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Tests.Infrastructure;
using Portal.Tests.Search;

namespace Portal.Tests.Moderation;

/// <summary>The editorial workflow end to end: a partner's change, a request for changes, a correction, an approval.</summary>
public sealed class WorkflowTests
{
    public const string DemoPassword = "Demo-Passw0rd-Long";

    public static PortalFactory Site(string provider = "Sqlite", TimeProvider? clock = null) => new PortalFactory(provider, recipe: "grande-region")
        {
            ConfigureTestServices = clock is null ? null : services => services.AddSingleton(clock),
        }
        .WithSetting("Portal:Setup:DemoPassword", DemoPassword)
        .WithSetting("Portal:Moderation:MinimumFillSeconds", "0")
        .WithSetting("Portal:Moderation:ProposalsPerHour", "1000");

    public static async Task<HttpClient> SignedInAsync(PortalFactory factory, string email)
    {
        var browser = factory.CreateBrowser();
        var response = await browser.SignInAsync(email, DemoPassword);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, email + " signs in");
        return browser;
    }

    /// <summary>A published French action of partner1's organisation (gr-actor-001-fr).</summary>
    public static Task<ContentItem> Partner1ActionAsync(PortalFactory factory) => factory.WithDbAsync(async db =>
        (await db.ContentItems.AsNoTracking().Where(i => i.Published && i.ContentType == "Action" && i.Culture == "fr").OrderBy(i => i.ContentItemId).ToListAsync())
            .First(i => i.Field("Action", "Actor")?["ContentItemIds"]?[0]?.GetValue<string>() == "gr-actor-001-fr"));

    private static async Task<string[]> MailsAsync(PortalFactory factory, int atLeast)
    {
        var folder = Path.Combine(factory.DataDirectory, "mail");
        for (var i = 0; i < 100; i++)
        {
            if (System.IO.Directory.Exists(folder) && System.IO.Directory.GetFiles(folder, "*.eml").Length >= atLeast) break;
            await Task.Delay(200);
        }
        return System.IO.Directory.Exists(folder) ? System.IO.Directory.GetFiles(folder, "*.eml").Order().Select(File.ReadAllText).ToArray() : [];
    }

    private static string Subject(string eml)
    {
        var message = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(eml)));
        return message.Subject + " → " + message.To + "\n" + message.TextBody;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_partners_change_is_reviewed_sent_back_corrected_approved_and_then_public(string provider)
    {
        using var factory = Site(provider);
        using var visitor = factory.CreateClient();
        var action = await Partner1ActionAsync(factory);
        var publicUrl = $"/fr/{action.Path}";
        var oldTitle = action.DisplayText;
        Browser.Decode(await visitor.GetStringAsync(publicUrl)).Should().Contain(oldTitle);

        // 1. partner1 proposes a change to their action.
        using var partner = await SignedInAsync(factory, "partner1@portal.example");
        var space = Browser.Decode(await partner.GetStringAsync("/fr/espace-partenaire"));
        space.Should().Contain("Centre communal d'action sociale de Metz").And.Contain(oldTitle);
        var edit = $"/fr/espace-partenaire/{action.ContentItemId}";
        var proposed = await partner.SubmitAsync(edit, edit, ("TitlePart.Title.Text", "Marche douce du lundi matin"),
            ("Action.Description.Markdown", "Une marche douce le lundi matin, au départ du parc de la Seille."));
        proposed.StatusCode.Should().Be(HttpStatusCode.Redirect, await proposed.Content.ReadAsStringAsync());
        Browser.Decode(await partner.GetStringAsync("/fr/espace-partenaire")).Should().Contain("en attente de relecture");

        // 2. The public keeps seeing the published version.
        var page = Browser.Decode(await visitor.GetStringAsync(publicUrl));
        page.Should().Contain(oldTitle).And.NotContain("Marche douce du lundi matin");

        // 3. The moderator sees it in the queue, compares, and asks for changes (a comment is required).
        using var moderator = await SignedInAsync(factory, "moderator@portal.example");
        Browser.Decode(await moderator.GetStringAsync("/admin")).Should().Contain("File de relecture : 1 en attente, la plus ancienne depuis 0 jours");
        Browser.Decode(await moderator.GetStringAsync("/admin/review")).Should().Contain("Marche douce du lundi matin").And.Contain("1 proposition attend une relecture");
        var review = $"/admin/review/{action.ContentItemId}";
        var detail = Browser.Decode(await moderator.GetStringAsync(review));
        detail.Should().Contain("<ins>Seille</ins>").And.Contain($"<del>{oldTitle.Split(' ')[0]}</del>");
        (await moderator.PostFormAsync(review, $"{review}/request-changes", [new("comment", " ")])).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await moderator.PostFormAsync(review, $"{review}/request-changes", [new("comment", "Précisez l'heure de départ, s'il vous plaît.")])).StatusCode.Should().Be(HttpStatusCode.Redirect);

        // 4. partner1 reads the comment and corrects.
        space = Browser.Decode(await partner.GetStringAsync("/fr/espace-partenaire"));
        space.Should().Contain("Précisez l'heure de départ, s'il vous plaît.").And.Contain("modifications demandées");
        var corrected = await partner.SubmitAsync(edit, edit, ("Action.Description.Markdown", "Une marche douce le lundi à 9 h 30, au départ du parc de la Seille."));
        corrected.StatusCode.Should().Be(HttpStatusCode.Redirect);
        Browser.Decode(await visitor.GetStringAsync(publicUrl)).Should().NotContain("Marche douce du lundi matin");

        // 5. The moderator approves: the page, the search and the map show the new text.
        (await moderator.PostFormAsync(review, $"{review}/approve", [new("comment", "")])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        page = Browser.Decode(await visitor.GetStringAsync(publicUrl));
        page.Should().Contain("Marche douce du lundi matin").And.Contain("9 h 30");
        await SearchSite.CatchUpAsync(factory);
        var search = JsonNode.Parse(await visitor.GetStringAsync("/api/search?culture=fr&q=marche+douce+lundi"))!;
        search["hits"]!.AsArray().Select(h => h!["title"]!.GetValue<string>()).Should().Contain("Marche douce du lundi matin");
        (await visitor.GetStringAsync("/api/map.geojson?culture=fr&zoom=14&q=marche+douce+lundi")).Should().Contain("Marche douce du lundi matin");

        // 6. The audit trail has the four steps, with who and why.
        var trail = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.ContentItemId == action.ContentItemId && a.FromState != null)
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.UserName, a.Comment, a.ToState }).ToListAsync());
        trail.Select(a => $"{a.Action} {a.UserName} {a.ToState}").Should().Equal(
            "submit partner1@portal.example InReview",
            "request-changes moderator@portal.example ChangesRequested",
            "submit partner1@portal.example InReview",
            "approve moderator@portal.example Published");
        trail[1].Comment.Should().Be("Précisez l'heure de départ, s'il vous plaît.");
        using var admin = factory.CreateBrowser();
        await admin.SignInAsync();
        var versions = Browser.Decode(await admin.GetStringAsync($"/admin/content/item/{action.ContentItemId}/versions"));
        versions.Should().Contain("demander des modifications (En relecture → Modifications demandées)").And.Contain("valider et publier (En relecture → Publié)").And.Contain("Restaurer comme nouveau brouillon");

        // 7. A message for each step: to the moderators on each submission, to the partner on each decision.
        var mails = (await MailsAsync(factory, 4)).Select(Subject).ToList();
        mails.Should().Contain(m => m.StartsWith("À relire : Marche douce du lundi matin") && m.Contains("moderator@portal.example"));
        mails.Count(m => m.StartsWith("À relire")).Should().Be(2);
        mails.Should().Contain(m => m.StartsWith("Modifications demandées : Marche douce du lundi matin") && m.Contains("partner1@portal.example") && m.Contains("Précisez l'heure de départ"));
        mails.Should().Contain(m => m.StartsWith("Publié : Marche douce du lundi matin") && m.Contains("partner1@portal.example"));
    }
}
