using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Security;
using Portal.Moderation.Services;
using Portal.Network;
using Portal.Network.Data;
using Portal.Network.Models;
using Portal.Network.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Network;

/// <summary>The expert directory: what anonymous visitors and members see of each profile, the relayed contact form, deletion and retention.</summary>
public sealed class NetworkMembersTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string PublicEmail = "anne.publique@ccas-metz.example.org";
    private const string HiddenEmail = "bernd.verborgen@pflege-saarbruecken.example.de";

    [Theory, MemberData(nameof(Providers))]
    public async Task A_members_non_public_profile_never_appears_to_anonymous_visitors_and_members_see_every_profile_without_addresses(string provider)
    {
        using var factory = NetworkSite.Create(provider);
        await NetworkSite.MemberAsync(factory, "Anne Publique", PublicEmail, "CCAS Zqxmetz", "name,expertise", expertise: "caregivers,home-support");
        await NetworkSite.MemberAsync(factory, "Bernd Verborgen", HiddenEmail, "Pflegestützpunkt Zqxsaar", "", side: "germany", languages: "de,fr", expertise: "caregivers");
        await factory.WithScopeAsync(sp => sp.GetRequiredService<ProfessionalApplications>().SubmitAsync(new ApplicationForm
        {
            Name = "Paul Attente", Email = "paul.attente@example.org", Organisation = "Zqxpending", JobTitle = "Éducateur", Side = "france", Languages = ["fr"], Expertise = ["caregivers"], PublicFields = ["name"],
        }, "fr"));

        using var visitor = factory.CreateClient();
        foreach (var url in new[] { "/fr/reseau", "/de/netzwerk", "/fr/reseau?expertise=caregivers", "/fr/reseau?side=germany", "/fr/reseau?organisation=Zqxsaar", "/fr/reseau?language=de" })
        {
            var page = Browser.Decode(await visitor.GetStringAsync(url));
            page.Should().NotContain("Bernd Verborgen", $"{url}: a member with no public field is not listed").And.NotContain("Pflegestützpunkt Zqxsaar")
                .And.NotContain("CCAS Zqxmetz", "an organisation kept private is not shown").And.NotContain("Paul Attente", "a pending applicant is no member")
                .And.NotContain(PublicEmail).And.NotContain(HiddenEmail).And.NotContain("/ecrire/").And.NotContain("/schreiben/");
        }
        Browser.Decode(await visitor.GetStringAsync("/fr/reseau")).Should().Contain("Anne Publique").And.Contain("Maintien à domicile");
        Browser.Decode(await visitor.GetStringAsync("/de/netzwerk?expertise=home-support")).Should().Contain("Anne Publique").And.Contain("Leben zu Hause");
        Browser.Decode(await visitor.GetStringAsync("/fr/reseau?organisation=Zqxmetz")).Should().NotContain("Anne Publique", "one cannot search on a field the member keeps private");

        using var member = await NetworkSite.SignedInAsync(factory, HiddenEmail);
        var full = Browser.Decode(await member.GetStringAsync("/fr/reseau?side=germany"));
        full.Should().Contain("Bernd Verborgen").And.Contain("Pflegestützpunkt Zqxsaar").And.NotContain("Anne Publique").And.NotContain(HiddenEmail);
        var all = Browser.Decode(await member.GetStringAsync("/fr/reseau"));
        all.Should().Contain("Anne Publique").And.Contain("CCAS Zqxmetz").And.NotContain(PublicEmail).And.NotContain("Paul Attente");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_contact_form_relays_a_message_by_mail_without_showing_an_address_and_limits_each_sender(string provider)
    {
        using var factory = NetworkSite.Create(provider, ("Portal:Network:ContactsPerDay", "2"));
        var anne = await NetworkSite.MemberAsync(factory, "Anne Publique", PublicEmail, "CCAS de Metz", "name");
        await NetworkSite.MemberAsync(factory, "Bernd Verborgen", HiddenEmail, "Pflegestützpunkt Saarbrücken", "");
        var form = $"/fr/reseau/ecrire/{anne.Id}";

        using var visitor = factory.CreateBrowser();
        (await visitor.GetAsync(form)).Headers.Location!.OriginalString.Should().StartWith("/fr/connexion?ReturnUrl=", "only members write to members: a visitor is asked to sign in");

        using var bernd = await NetworkSite.SignedInAsync(factory, HiddenEmail);
        var page = Browser.Decode(await bernd.GetStringAsync(form));
        page.Should().Contain("Écrire à Anne Publique").And.NotContain(PublicEmail);
        var token = await bernd.TokenAsync(form);
        var wrong = await bernd.PostAsync(form, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Subject", "Aidants frontaliers"), new("Message", "Trop court")]));
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var wrongPage = Browser.Decode(await wrong.Content.ReadAsStringAsync());
        wrongPage.Should().Contain("id=\"net-Message-error\"").And.NotContain("id=\"net-Subject-error\"").And.Contain("value=\"Aidants frontaliers\"").And.Contain("Trop court");
        (await bernd.PostAsync(form, new FormUrlEncodedContent([new("Subject", "Sans jeton"), new("Message", "Un message sans jeton antiforgery, refusé.")]))).StatusCode
            .Should().Be(HttpStatusCode.BadRequest, "antiforgery");

        HttpResponseMessage Send() => bernd.PostAsync(form, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Subject", "Aidants frontaliers"),
            new("Message", "Bonjour, nous accompagnons des aidants des deux côtés de la frontière.")])).GetAwaiter().GetResult();
        var sent = Send();
        sent.StatusCode.Should().Be(HttpStatusCode.OK);
        var sentPage = Browser.Decode(await sent.Content.ReadAsStringAsync());
        sentPage.Should().Contain("Message envoyé").And.NotContain(PublicEmail).And.NotContain(HiddenEmail);
        var mail = (await NetworkSite.MailsAsync(factory)).Should().ContainSingle().Subject;
        mail.To.Should().Be(PublicEmail);
        mail.ReplyTo.Should().Be(HiddenEmail, "the recipient answers by replying");
        mail.Body.Should().Contain("Bernd Verborgen").And.Contain("deux côtés de la frontière").And.NotContain(HiddenEmail).And.NotContain(PublicEmail);

        Send().StatusCode.Should().Be(HttpStatusCode.OK);
        var refused = Send();
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "two messages a day in this site's settings");
        Browser.Decode(await refused.Content.ReadAsStringAsync()).Should().Contain("Bonjour, nous accompagnons", "what was typed is kept");
        (await NetworkSite.MailsAsync(factory)).Should().HaveCount(2);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Deleting_a_profile_removes_the_members_personal_data_and_account_and_keeps_what_they_did_anonymously(string provider)
    {
        using var factory = NetworkSite.Create(provider);
        var anne = await NetworkSite.MemberAsync(factory, "Anne Publique", PublicEmail, "CCAS de Metz", "name,organisation");
        var bernd = await NetworkSite.MemberAsync(factory, "Bernd Verborgen", HiddenEmail, "Pflegestützpunkt", "name");
        using var client = await NetworkSite.SignedInAsync(factory, PublicEmail);
        var profile = Browser.Decode(await client.GetStringAsync("/fr/reseau/mon-profil"));
        profile.Should().Contain("value=\"Anne Publique\"").And.Contain("Supprimer mon profil");
        var token = await client.TokenAsync("/fr/reseau/mon-profil");
        await client.PostAsync($"/fr/reseau/ecrire/{bernd.Id}", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Subject", "Bonjour"),
            new("Message", "Un message qui laisse une trace dans la limite d'envoi.")]));
        await factory.WithScopeAsync(async sp => (await sp.GetRequiredService<NetworkDbContext>().Contacts.CountAsync()).Should().Be(1));
        var userId = anne.UserId!;
        await factory.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new Portal.Core.Content.AuditEntry { ContentItemId = "halte-fr", ContentType = "AidantSupport", Action = "Saved", UserId = userId, UserName = PublicEmail, CreatedUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        var unconfirmed = await client.PostAsync("/fr/reseau/mon-profil/supprimer", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        unconfirmed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Browser.Decode(await unconfirmed.Content.ReadAsStringAsync()).Should().Contain("id=\"net-confirm-error\"");
        var deleted = await client.PostAsync("/fr/reseau/mon-profil/supprimer", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("confirm", "true")]));
        deleted.StatusCode.Should().Be(HttpStatusCode.OK);
        Browser.Decode(await deleted.Content.ReadAsStringAsync()).Should().Contain("Profil supprimé");

        await factory.WithScopeAsync(async sp =>
        {
            var network = sp.GetRequiredService<NetworkDbContext>();
            (await network.Professionals.AnyAsync(p => p.Email == PublicEmail || p.Name == "Anne Publique")).Should().BeFalse();
            (await network.Contacts.CountAsync()).Should().Be(0);
            (await sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(PublicEmail)).Should().BeNull("the account existed only for the network");
            var audit = await sp.GetRequiredService<Portal.Core.Data.PortalDbContext>().AuditEntries.SingleAsync(a => a.ContentItemId == "halte-fr" && a.Action == "Saved");
            audit.UserName.Should().NotContain(PublicEmail, "what the member did stays, without their name");
            audit.UserId.Should().BeNull();
        });
        using var again = factory.CreateBrowser();
        (await again.SignInAsync(PublicEmail, NetworkSite.Password)).Headers.Location?.OriginalString.Should().NotBe("/fr/reseau");
        Browser.Decode(await again.GetStringAsync("/fr/reseau")).Should().NotContain("Anne Publique");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_rejected_application_needs_a_reason_tells_the_applicant_and_its_data_is_deleted_after_the_retention_period(string provider)
    {
        using var factory = NetworkSite.Create(provider);
        var applicant = await factory.WithScopeAsync(sp => sp.GetRequiredService<ProfessionalApplications>().SubmitAsync(new ApplicationForm
        {
            Name = "Robot Spam", Email = "robot@spam.example", Organisation = "Spam", JobTitle = "Spam", Side = "france", Languages = ["fr"], Expertise = ["caregivers"],
        }, "fr"));
        using var moderator = factory.CreateBrowser();
        await moderator.SignInAsync();
        var token = await moderator.TokenAsync("/admin/network/applications");
        (await moderator.PostAsync($"/admin/network/applications/{applicant.Id}/reject", new FormUrlEncodedContent([new("__RequestVerificationToken", token)])))
            .Headers.Location!.OriginalString.Should().EndWith("done=reason");
        (await NetworkSite.MailsAsync(factory)).Should().BeEmpty();
        (await moderator.PostAsync($"/admin/network/applications/{applicant.Id}/reject", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("reason", "Aucune structure professionnelle.")])))
            .Headers.Location!.OriginalString.Should().EndWith("done=rejected");
        var mail = (await NetworkSite.MailsAsync(factory)).Should().ContainSingle().Subject;
        mail.To.Should().Be("robot@spam.example");
        mail.Body.Should().Contain("Aucune structure professionnelle.");

        await factory.WithScopeAsync(async sp =>
        {
            var network = sp.GetRequiredService<NetworkDbContext>();
            var decided = (await network.Professionals.AsNoTracking().SingleAsync(p => p.Id == applicant.Id)).DecidedUtc!.Value;
            var options = Options.Create(new NetworkOptions());
            (await new NetworkRetention(network, new FixedClock(new DateTimeOffset(decided.AddDays(89), TimeSpan.Zero)), options).DeleteOldAsync()).Should().Be(0);
            (await new NetworkRetention(network, new FixedClock(new DateTimeOffset(decided.AddDays(91), TimeSpan.Zero)), options).DeleteOldAsync()).Should().Be(1);
            (await network.Professionals.AnyAsync(p => p.Id == applicant.Id)).Should().BeFalse();
        });
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_partner_invites_its_staff_who_choose_a_password_through_an_expiring_link_and_are_members_of_its_organisation(string provider)
    {
        using var factory = NetworkSite.Create(provider);
        await factory.WithScopeAsync(async sp => (await sp.GetRequiredService<AccountService>().CreateAsync("paula@repit-bondy.example.org", "Paula", "Partner", "fr", ["repit-fr"], NetworkSite.Password)).Errors.Should().BeEmpty());
        using var partner = await NetworkSite.SignedInAsync(factory, "paula@repit-bondy.example.org");
        Browser.Decode(await partner.GetStringAsync("/fr/reseau/inviter")).Should().Contain("Plateforme de répit de Bondy");
        var token = await partner.TokenAsync("/fr/reseau/inviter");
        var wrong = await partner.PostAsync("/fr/reseau/inviter", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("name", "Lena Kollegin"), new("email", "lena@")]));
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Browser.Decode(await wrong.Content.ReadAsStringAsync()).Should().Contain("id=\"net-Email-error\"").And.Contain("value=\"Lena Kollegin\"");
        (await partner.PostAsync("/fr/reseau/inviter", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("name", "Lena Kollegin"), new("email", "lena@repit-bondy.example.org")])))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var mail = (await NetworkSite.MailsAsync(factory)).Should().ContainSingle().Subject;
        mail.To.Should().Be("lena@repit-bondy.example.org");
        NetworkSite.InvitationLink().IsMatch(mail.Body).Should().BeTrue();
        await factory.WithScopeAsync(async sp =>
        {
            var lena = await sp.GetRequiredService<NetworkDbContext>().Professionals.SingleAsync(p => p.Email == "lena@repit-bondy.example.org");
            lena.Status.Should().Be(ProfessionalStatus.Approved);
            lena.OrganisationId.Should().Be("repit");
            var account = await sp.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(lena.UserId!);
            var link = new Uri(NetworkSite.InvitationLink().Match(mail.Body).Value);
            var token = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query)["token"].ToString();
            (await sp.GetRequiredService<UserManager<PortalUser>>().VerifyUserTokenAsync(account!, TokenOptions.DefaultProvider, UserManager<PortalUser>.ResetPasswordTokenPurpose, token)).Should().BeTrue();
        });
        var again = await partner.PostAsync("/fr/reseau/inviter", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("name", "Lena"), new("email", "lena@repit-bondy.example.org")]));
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest, "one invitation per address");

        // Anyone else, signed in or not, cannot invite.
        using var visitor = factory.CreateBrowser();
        (await visitor.GetAsync("/fr/reseau/inviter")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}
