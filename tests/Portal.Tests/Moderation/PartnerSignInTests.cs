using System.Net;
using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Moderation;

/// <summary>Partners sign in, get a new password and sign out on the public site, in its layout and their language.</summary>
public sealed partial class PartnerSignInTests
{
    [GeneratedRegex("value=\"[^\"]*\"")]
    private static partial Regex Values();

    private static async Task<string> ShapeAsync(HttpResponseMessage response) => Values().Replace(Browser.Decode(await response.Content.ReadAsStringAsync()), "value=\"…\"");

    [Theory]
    [InlineData("fr", "/fr/espace-partenaire", "/fr/connexion", "Connexion des partenaires", "/fr/mot-de-passe-oublie")]
    [InlineData("de", "/de/partnerbereich", "/de/anmelden", "Anmeldung für Partner", "/de/passwort-vergessen")]
    public async Task The_partner_sign_in_page_uses_the_public_layout_in_the_visitors_language(string culture, string space, string signIn, string heading, string forgot)
    {
        using var factory = WorkflowTests.Site();
        using var visitor = factory.CreateBrowser();
        await ProposalOrganisationTests.ReadyAsync(visitor);

        var sent = await visitor.GetAsync(space);
        sent.StatusCode.Should().Be(HttpStatusCode.Redirect);
        sent.Headers.Location!.OriginalString.Should().Be($"{signIn}?ReturnUrl={Uri.EscapeDataString(space)}");

        var page = Browser.Decode(await visitor.GetStringAsync(sent.Headers.Location.OriginalString));
        page.Should().Contain($"<html lang=\"{culture}\">").And.Contain("class=\"site-header\"").And.Contain("<footer")
            .And.Contain($"<h1>{heading}</h1>").And.Contain($"href=\"{forgot}\"").And.Contain($"action=\"{signIn}\"");
        Regex.Match(page, "<title>([^<]*)</title>").Groups[1].Value.Should().StartWith(heading + " · ").And.NotContain("Administration").And.NotContain("Portal");
        page.Should().NotContain("admin.css");

        // Signing in there leads back to the partner space.
        var fields = Browser.FormFields(page, signIn);
        fields.RemoveAll(f => f.Key is "Email" or "Password");
        fields.AddRange([new("Email", "partner1@portal.example"), new("Password", WorkflowTests.DemoPassword)]);
        var signedIn = await visitor.PostAsync(signIn, new FormUrlEncodedContent(fields));
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.Should().Be(space);
        (await visitor.GetAsync(space)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_public_password_reset_answers_the_same_whether_the_account_exists_or_not()
    {
        using var factory = WorkflowTests.Site();
        using var visitor = factory.CreateBrowser();
        await ProposalOrganisationTests.ReadyAsync(visitor);
        var page = Browser.Decode(await visitor.GetStringAsync("/de/passwort-vergessen"));
        page.Should().Contain("<html lang=\"de\">").And.Contain("class=\"site-header\"").And.Contain("action=\"/de/passwort-vergessen\"");

        var known = await visitor.PostFormAsync("/de/passwort-vergessen", "/de/passwort-vergessen", [new("email", "partner2@portal.example")]);
        var unknown = await visitor.PostFormAsync("/de/passwort-vergessen", "/de/passwort-vergessen", [new("email", "niemand@example.org")]);
        known.StatusCode.Should().Be(HttpStatusCode.OK);
        unknown.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ShapeAsync(unknown)).Should().Be(await ShapeAsync(known));

        // The message goes through the outbox, to the account only, with a link to the public page in the account's language.
        var mail = await ProposalTests.MailToAsync(factory, "partner2@portal.example");
        mail.Should().NotBeNull();
        var link = new Uri(Regex.Match(mail!.TextBody ?? "", @"http://\S+/de/neues-passwort\?\S+").Value).PathAndQuery;
        System.IO.Directory.GetFiles(Path.Combine(factory.DataDirectory, "mail"), "*.eml").Select(f => MimeKit.MimeMessage.Load(f).To.ToString())
            .Should().NotContain(to => to.Contains("niemand@example.org"));

        var form = Browser.Decode(await visitor.GetStringAsync(link));
        form.Should().Contain("<html lang=\"de\">").And.Contain("action=\"/de/neues-passwort\"");
        const string chosen = "Neues-Passw0rt-2026";
        var reset = await visitor.SubmitAsync(link, "/de/neues-passwort", ("password", chosen), ("confirm", chosen));
        reset.StatusCode.Should().Be(HttpStatusCode.Redirect);
        reset.Headers.Location!.OriginalString.Should().Be("/de/anmelden");
        (await visitor.SignInAsync("partner2@portal.example", chosen)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_partner_signs_out_from_the_partner_space()
    {
        using var factory = WorkflowTests.Site();
        using (var probe = factory.CreateClient()) await ProposalOrganisationTests.ReadyAsync(probe);
        using var partner = await WorkflowTests.SignedInAsync(factory, "partner1@portal.example");
        var space = Browser.Decode(await partner.GetStringAsync("/fr/espace-partenaire"));
        space.Should().Contain("action=\"/admin/logout\"").And.Contain("name=\"culture\" value=\"fr\"").And.Contain("Se déconnecter");

        // Without its antiforgery token the post is refused, and the partner stays signed in.
        (await partner.PostAsync("/admin/logout", new FormUrlEncodedContent([new("culture", "fr")]))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await partner.GetAsync("/fr/espace-partenaire")).StatusCode.Should().Be(HttpStatusCode.OK);

        var signedOut = await partner.PostFormAsync("/fr/espace-partenaire", "/admin/logout", [new("culture", "fr")]);
        signedOut.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signedOut.Headers.Location!.OriginalString.Should().Be("/fr/connexion");
        Browser.Decode(await partner.GetStringAsync("/fr/connexion")).Should().Contain("Votre session est fermée.");
        (await partner.GetAsync("/fr/espace-partenaire")).Headers.Location!.OriginalString.Should().StartWith("/fr/connexion?");
    }
}
