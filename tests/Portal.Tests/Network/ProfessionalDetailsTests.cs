using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Moderation.Services;
using Portal.Tests.Infrastructure;
using Portal.Tests.Search;

namespace Portal.Tests.Network;

/// <summary>
/// A professional applies, is approved and then sees how to refer someone to an entry; that part never leaves through
/// the public page, the APIs, the search, the map, the widget or the open-data exports.
/// </summary>
public sealed class ProfessionalDetailsTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string PartnerEmail = "paula.partenaire@repit-bondy.example.org";
    private const string ApplicantEmail = "claire.experte@ccas-metz.example.org";
    // Words found only in the professional-only details.
    private static readonly string[] Secrets = ["Zqxorient", "Zqxreferente", "03 87 99 88 77", "orientation-zqx.pdf", "Zqxdelai"];

    private static List<KeyValuePair<string, string>> Details(string url) =>
    [
        new("OrientationProcedure", "Orientation par le CCAS : envoyer le formulaire Zqxorient rempli."), new("ReferralFormUrl", url),
        new("EligibilityCriteria", "Aidants d'une personne de plus de 60 ans."), new("ReferentName", "Mme Zqxreferente"),
        new("ReferentPhone", "03 87 99 88 77"), new("WaitingTime", "Zqxdelai de trois semaines"),
    ];

    private static void ShowsNoSecret(string text, string where)
    {
        foreach (var secret in Secrets) text.Should().NotContain(secret, $"{where} never shows the professional-only details");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_approved_professional_sees_the_referral_details_that_the_public_page_api_search_map_widget_and_exports_never_show(string provider)
    {
        using var factory = NetworkSite.Create(provider);

        // The organisation's partner fills the details below their form of the entry; a wrong field comes back with its message and what was typed.
        await factory.WithScopeAsync(async sp => (await sp.GetRequiredService<AccountService>().CreateAsync(PartnerEmail, "Paula", "Partner", "fr", ["repit-fr"], NetworkSite.Password)).Errors.Should().BeEmpty());
        using var partner = await NetworkSite.SignedInAsync(factory, PartnerEmail);
        var edit = Browser.Decode(await partner.GetStringAsync("/fr/espace-partenaire/halte-fr"));
        edit.Should().Contain("Pour les professionnels : comment orienter une personne").And.Contain("action=\"/fr/reseau/orientation/halte-fr\"");
        var token = await partner.TokenAsync("/fr/espace-partenaire/halte-fr");
        var wrong = await partner.PostAsync("/fr/reseau/orientation/halte-fr", new FormUrlEncodedContent(Details("javascript:alert(1)").Append(new("__RequestVerificationToken", token))));
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var wrongPage = Browser.Decode(await wrong.Content.ReadAsStringAsync());
        wrongPage.Should().Contain("id=\"det-ReferralFormUrl-error\"").And.Contain("Mme Zqxreferente").And.NotContain("id=\"det-ReferentName-error\"");
        var saved = await partner.PostAsync("/fr/reseau/orientation/halte-fr", new FormUrlEncodedContent(Details("https://repit-bondy.example.org/orientation-zqx.pdf").Append(new("__RequestVerificationToken", token))));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        saved.Headers.Location!.OriginalString.Should().Be("/fr/espace-partenaire/halte-fr?details=saved");

        // Someone applies; a wrong application comes back with a message on each wrong field and what was typed.
        using var applicant = factory.CreateBrowser();
        var formToken = await applicant.TokenAsync("/fr/reseau/adherer");
        var bad = await applicant.PostAsync("/fr/reseau/adherer", new FormUrlEncodedContent([new("__RequestVerificationToken", formToken), new("Name", "Claire Experte"),
            new("Email", "pas-une-adresse"), new("Organisation", "CCAS de Metz"), new("JobTitle", "Assistante sociale"), new("Side", "france"), new("Languages", "fr")]));
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var badPage = Browser.Decode(await bad.Content.ReadAsStringAsync());
        badPage.Should().Contain("id=\"net-Email-error\"").And.Contain("id=\"net-Expertise-error\"").And.Contain("id=\"net-Consent-error\"")
            .And.NotContain("id=\"net-Name-error\"").And.Contain("value=\"Claire Experte\"").And.Contain("value=\"pas-une-adresse\"");
        var applied = await applicant.PostAsync("/fr/reseau/adherer", new FormUrlEncodedContent([new("__RequestVerificationToken", formToken), new("Name", "Claire Experte"),
            new("Email", ApplicantEmail), new("Organisation", "plateforme de répit de bondy"), new("JobTitle", "Assistante sociale"), new("Side", "france"),
            new("Languages", "fr"), new("Languages", "de"), new("Expertise", "caregivers"), new("Consent", "true")]));
        applied.StatusCode.Should().Be(HttpStatusCode.OK);
        (await NetworkSite.MailsAsync(factory)).Should().NotContain(m => m.To == ApplicantEmail, "nothing is sent before a moderator decides");

        // The application waits in the moderators' queue; approving it mails the applicant a link to choose a password.
        using var moderator = factory.CreateBrowser();
        await moderator.SignInAsync();
        var queue = Browser.Decode(await moderator.GetStringAsync("/admin/network/applications"));
        queue.Should().Contain("Claire Experte").And.Contain("Plateforme de répit de Bondy", "a listed organisation typed in any case is linked to its entry");
        var id = await factory.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<Portal.Network.Data.NetworkDbContext>().Professionals.Single(p => p.Email == ApplicantEmail).Id));
        var approved = await moderator.PostAsync($"/admin/network/applications/{id}/approve", new FormUrlEncodedContent([new("__RequestVerificationToken", await moderator.TokenAsync("/admin/network/applications"))]));
        approved.Headers.Location!.OriginalString.Should().Be("/admin/network/applications?done=approved");
        var mail = (await NetworkSite.MailsAsync(factory)).Should().ContainSingle(m => m.To == ApplicantEmail).Subject;
        var link = new Uri(NetworkSite.InvitationLink().Match(mail.Body).Value);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        using var professional = factory.CreateBrowser();
        var chosen = await professional.PostAsync("/admin/invitation", new FormUrlEncodedContent([new("__RequestVerificationToken", await professional.TokenAsync(link.PathAndQuery)),
            new("user", query["user"].ToString()), new("token", query["token"].ToString()), new("password", NetworkSite.Password), new("confirm", NetworkSite.Password), new("returnUrl", "/fr/reseau")]));
        chosen.Headers.Location!.OriginalString.Should().Be("/fr/reseau", "the new member lands in the network, signed in");

        // The member sees the details on the entry's page, in both languages.
        foreach (var page in new[] { NetworkSite.OfferFr, NetworkSite.OfferDe })
        {
            var html = Browser.Decode(await professional.GetStringAsync(page));
            foreach (var secret in Secrets) html.Should().Contain(secret);
        }

        // Nobody else sees them: the public, the partner who wrote them (not a member), and every public output, even asked by the member.
        using var visitor = factory.CreateClient();
        ShowsNoSecret(Browser.Decode(await visitor.GetStringAsync(NetworkSite.OfferFr)), "the public page");
        ShowsNoSecret(Browser.Decode(await visitor.GetStringAsync(NetworkSite.OfferDe)), "the public page in German");
        ShowsNoSecret(Browser.Decode(await partner.GetStringAsync(NetworkSite.OfferFr)), "the page seen by a partner who is not a member");
        await SearchSite.CatchUpAsync(factory);
        var found = await professional.GetStringAsync("/api/search?q=halte&culture=fr");
        found.Should().Contain("halte-repit-bondy", "the entry is in the index");
        foreach (var url in new[] { "/api/content/halte-fr", "/api/content?type=AidantSupport&culture=fr", "/api/search?q=halte&culture=fr",
            "/api/map.geojson?culture=fr", "/api/map.geojson?culture=de", "/api/open-data/data-inclusion/services.json", "/api/open-data/data-inclusion/structures.json", "/api/open-data/directory.geojson",
            "/fr/recherche?q=halte", "/fr/carte", "/sitemap.xml", "/fr/actualites/rss.xml" })
        {
            foreach (var client in new[] { visitor, professional })
            {
                var response = await client.GetAsync(url);
                response.StatusCode.Should().Be(HttpStatusCode.OK, url);
                ShowsNoSecret(Browser.Decode(await response.Content.ReadAsStringAsync()), url);
            }
        }
        // Searching for a word of the details finds nothing (the query itself is echoed, so only the hit is looked for).
        foreach (var url in new[] { "/api/search?q=Zqxorient&culture=fr", "/fr/recherche?q=Zqxorient", "/api/search?q=Zqxreferente&culture=fr", "/api/map.geojson?culture=fr&q=Zqxorient" })
            (await professional.GetStringAsync(url)).Should().NotContain("halte-repit-bondy", $"{url}: the details are not searchable");

        // The widget shows the entry but not the details.
        var widget = await moderator.PostFormAsync("/admin/embed/new", "/admin/embed/new", [new("Name", "Répit"), new("Query", "type=AidantSupport"), new("Display", "Both"),
            new("SearchBox", "true"), new("Facets", "true"), new("Culture", ""), new("PageSize", "5"), new("Palette", "green"), new("Origins", "https://partner.example")]);
        widget.StatusCode.Should().Be(HttpStatusCode.Redirect, await widget.Content.ReadAsStringAsync());
        var widgetId = widget.Headers.Location!.OriginalString.Split('/')[^1];
        var frame = Browser.Decode(await visitor.GetStringAsync($"/embed/{widgetId}?lang=fr"));
        frame.Should().Contain("Halte-répit");
        ShowsNoSecret(frame, "the widget");
    }
}
