using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Moderation;

/// <summary>Hostile text sent through the public proposal form and the partner form never runs nor appears unescaped on any page.</summary>
public sealed partial class XssTests
{
    public static readonly string[] Payloads =
    [
        "<script>alert('xss1')</script>",
        "<img src=x onerror=alert('xss2')>",
        "<svg onload=alert('xss3')>",
        "<iframe src=\"javascript:alert('xss4')\"></iframe>",
        "<a href=\"javascript:alert('xss5')\">clic</a>",
        "\"><script>alert('xss6')</script>",
        "'><img src=x onerror=alert('xss7')>",
        "<body onload=alert('xss8')>",
        "<div style=\"background:url(javascript:alert('xss9'))\">x</div>",
        "<div style=\"width:expression(alert('xss10'))\">x</div>",
        "<object data=\"javascript:alert('xss11')\"></object>",
        "<embed src=\"javascript:alert('xss12')\">",
        "<math><mtext></mtext><mglyph><svg><mtext><style><img src=x onerror=alert('xss13')></style></mtext></svg></mglyph></math>",
        "[clic](javascript:alert('xss14'))",
        "![image](javascript:alert('xss15'))",
        "<details open ontoggle=alert('xss16')>",
        "<input autofocus onfocus=alert('xss17')>",
        "<marquee onstart=alert('xss18')>",
        "<video><source onerror=alert('xss19')></video>",
        "<form action=\"javascript:alert('xss20')\"><button>x</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('xss21')\">",
        "<base href=\"javascript:alert('xss22')//\">",
        "<link rel=stylesheet href=\"javascript:alert('xss23')\">",
        "<style>@import 'javascript:alert(\"xss24\")';</style>",
        "<ScRiPt>alert('xss25')</sCrIpT>",
        "<scr<script>ipt>alert('xss26')</scr</script>ipt>",
        "&lt;script&gt;alert('xss27')&lt;/script&gt;",
        "<a href=\"&#106;avascript:alert('xss28')\">clic</a>",
        "<img src=\"x\" onerror=\"&#97;lert('xss29')\">",
        "<svg><script>alert('xss30')</script></svg>",
        "javascript:alert('xss31')",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzMzInKTwvc2NyaXB0Pg==\">clic</a>",
    ];

    [GeneratedRegex(@"<(script|iframe|object|embed|svg|math|img|video|base|meta|link|style|form|input|details|marquee|body)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Handler();

    [GeneratedRegex(@"<[a-z][^>]*\s(href|src|action|data|formaction)\s*=\s*[""']?\s*(javascript|data:text/html|&#)", RegexOptions.IgnoreCase)]
    private static partial Regex DangerousUrl();

    /// <summary>What the site itself puts in its pages (its own scripts, styles, images), to tell them apart from injected markup.</summary>
    private static HashSet<string> OwnTags(string html) => Tag().Matches(html).Select(m => m.Value).ToHashSet();

    /// <summary>
    /// The page has none of the payloads raw, and no markup that could run script: no event-handler attribute, no
    /// javascript:/data: address, no CSS expression, no embedding element, and only the site's own scripts (a file of
    /// the site, or its JSON-LD).
    /// </summary>
    private static void ShouldBeClean(string html, string page, HashSet<string> baseline)
    {
        foreach (var payload in Payloads.Where(p => p.IndexOfAny(['<', '"']) >= 0))
            html.Should().NotContain(payload, $"{page} must not contain the payload raw");
        var bad = new List<string>();
        foreach (Match tag in Regex.Matches(html, @"<([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>"))
        {
            var (name, attributes) = (tag.Groups[1].Value.ToLowerInvariant(), tag.Groups[2].Value);
            var pairs = Regex.Matches(attributes, @"([a-zA-Z:_-]+)(?:\s*=\s*(?:""([^""]*)""|'([^']*)'|([^\s>]+)))?")
                .Select(m => (Name: m.Groups[1].Value.ToLowerInvariant(), Value: m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Success ? m.Groups[3].Value : m.Groups[4].Value)).ToList();
            if (pairs.Any(a => a.Name.StartsWith("on"))
                || pairs.Any(a => a.Name is "href" or "src" or "action" or "data" or "formaction" or "xlink:href" && Regex.IsMatch(a.Value.Trim(), @"^(javascript:|vbscript:|data:text/html|&#)", RegexOptions.IgnoreCase))
                || pairs.Any(a => a.Name == "style" && Regex.IsMatch(a.Value, @"expression\(|javascript:", RegexOptions.IgnoreCase))
                || name is "iframe" or "object" or "embed" or "base" or "marquee" or "math" or "video" or "source" or "frame" or "frameset"
                || name == "meta" && pairs.Any(a => a.Name == "http-equiv")
                || name == "script" && !pairs.Any(a => a.Name == "src" && a.Value.StartsWith('/') || a.Name == "type" && a.Value == "application/ld+json"))
                bad.Add(tag.Value);
        }
        bad.Should().BeEmpty($"{page} has no markup that could run script");
    }

    [Fact]
    public async Task Thirty_payloads_through_the_proposal_and_partner_forms_never_run_nor_show_unescaped()
    {
        using var factory = WorkflowTests.Site();
        var action = await WorkflowTests.Partner1ActionAsync(factory);
        using var visitor = factory.CreateBrowser();
        var proposals = new List<string>();

        // Through the public proposal form: each payload as a title, a description and a schedule.
        for (var i = 0; i < Payloads.Length; i++)
        {
            var payload = Payloads[i];
            var response = await visitor.SubmitAsync("/fr/proposer?type=Action", "/fr/proposer?type=Action",
                ("TitlePart.Title.Text", $"Proposition {i} {payload}"), ("Action.Actor.ContentItemIds", "gr-actor-001-fr"),
                ("Action.Description.Markdown", $"Description {i} : {payload}"), ("Action.Domains.Terms", "sport"), ("Action.Schedule.Text", payload),
                ("AddressPart.Street.Text", payload.Length > 200 ? payload[..200] : payload), ("proposerEmail", ""));
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"payload {i} is taken as text: {Regex.Match(body, "field-error[^<]*<").Value}");
            ShouldBeClean(body, $"thanks page {i}", OwnTags(await visitor.GetStringAsync("/fr")));
        }
        // A javascript: address is refused by the web address field itself.
        var refused = await visitor.SubmitAsync("/fr/proposer?type=Action", "/fr/proposer?type=Action",
            ("TitlePart.Title.Text", "Lien piégé"), ("Action.Actor.ContentItemIds", "gr-actor-001-fr"), ("Action.Description.Markdown", "Texte."),
            ("Action.Domains.Terms", "sport"), ("ContactPart.Website.Url", "javascript:alert('xss')"));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        // Through the partner form: each payload in turn as the title and description of partner1's action.
        using var partner = await WorkflowTests.SignedInAsync(factory, "partner1@portal.example");
        var edit = $"/fr/espace-partenaire/{action.ContentItemId}";
        foreach (var payload in Payloads)
        {
            var response = await partner.SubmitAsync(edit, edit, ("TitlePart.Title.Text", "Marche " + payload), ("Action.Description.Markdown", payload), ("Action.Schedule.Text", payload));
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, payload);
        }

        // The moderator approves everything: now the payloads reach every kind of page.
        using var moderator = await WorkflowTests.SignedInAsync(factory, "moderator@portal.example");
        var queue = await moderator.GetStringAsync("/admin/review");
        var ids = await factory.WithDbAsync(db => db.ContentItems.Where(i => i.Latest && i.Status == "InReview").Select(i => i.ContentItemId).ToListAsync());
        ids.Should().HaveCount(Payloads.Length + 1);
        var reviewPage = await moderator.GetStringAsync($"/admin/review/{ids[0]}");
        var approve = await moderator.PostAsync("/admin/review/approve", new FormUrlEncodedContent(
            ids.Select(id => new KeyValuePair<string, string>("ids", id)).Append(new("__RequestVerificationToken", await moderator.TokenAsync("/admin/review")))));
        approve.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var publicBaseline = OwnTags(await visitor.GetStringAsync("/fr/actions"));
        var adminBaseline = OwnTags(await moderator.GetStringAsync("/admin"));
        ShouldBeClean(queue, "the review queue", adminBaseline);
        ShouldBeClean(reviewPage, "a review page", adminBaseline);
        ShouldBeClean(await partner.GetStringAsync("/fr/espace-partenaire"), "the partner space", publicBaseline);
        ShouldBeClean(await partner.GetStringAsync(edit), "the partner form", publicBaseline);
        ShouldBeClean(await moderator.GetStringAsync($"/admin/content/item/{action.ContentItemId}"), "the editor", adminBaseline);
        ShouldBeClean(await moderator.GetStringAsync($"/admin/content/item/{action.ContentItemId}/versions"), "the versions", adminBaseline);
        ShouldBeClean(await moderator.GetStringAsync("/admin/content/Action"), "the back-office list", adminBaseline);
        var paths = await factory.WithDbAsync(db => db.ContentItems.Where(i => i.Published && ids.Contains(i.ContentItemId)).Select(i => i.Path).ToListAsync());
        paths.Should().HaveCount(ids.Count);
        foreach (var path in paths.Take(12))
            ShouldBeClean(await visitor.GetStringAsync($"/fr/{path}"), path!, publicBaseline);
        await Search.SearchSite.CatchUpAsync(factory);
        ShouldBeClean(await visitor.GetStringAsync("/fr/recherche?q=proposition"), "the search page", publicBaseline);
        ShouldBeClean(await visitor.GetStringAsync("/fr/actions"), "the list of actions", publicBaseline);
        ShouldBeClean(await visitor.GetStringAsync("/fr/carte?q=proposition"), "the map page", publicBaseline);
    }
}
