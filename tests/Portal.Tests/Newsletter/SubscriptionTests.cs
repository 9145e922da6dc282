using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Newsletter.Data;
using Portal.Newsletter.Services;
using Portal.Tests.Events;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Newsletter;

/// <summary>Double opt-in, editions in each subscriber's language, one-click unsubscription (RFC 8058).</summary>
public sealed class SubscriptionTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_sign_up_without_confirmation_receives_nothing_and_is_deleted_after_the_delay(string provider)
    {
        var clock = new FixedClock(DateTimeOffset.UtcNow);
        using var factory = new PortalFactory(provider) { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        await NewsletterSite.SeedAsync(factory);
        using var visitor = factory.CreateBrowser();

        var (status, html) = await NewsletterSite.SignUpAsync(visitor, "fr", "Claire@Example.org", "fr", "public");
        status.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("Consultez votre messagerie");
        var mails = await NewsletterSite.MailsAsync(factory);
        mails.Should().ContainSingle().Which.To.Should().Be("claire@example.org");
        mails[0].Subject.Should().Be("Confirmez votre inscription à la lettre d'information");

        await NewsletterSite.SignUpAsync(visitor, "de", "bernd@example.org", "de", "professionals");
        await NewsletterSite.ConfirmAsync(factory, visitor, "bernd@example.org");

        var edition = await NewsletterSite.EditionAsync(factory);
        await NewsletterSite.SendAsync(factory, edition.Id);
        var after = await NewsletterSite.MailsAsync(factory);
        after.Where(m => m.To == "claire@example.org").Should().ContainSingle("the unconfirmed address got its confirmation link and nothing else");
        after.Should().ContainSingle(m => m.To == "bernd@example.org" && m.Subject == "Newsletter März");

        // Past the confirmation delay (7 days by default), the retention job deletes the sign-up and its link no longer works.
        clock.Now = clock.Now.AddDays(8);
        (await factory.WithScopeAsync(sp => sp.GetRequiredService<Subscriptions>().PurgeUnconfirmedAsync())).Should().Be(1);
        (await factory.WithScopeAsync(sp => sp.GetRequiredService<NewsletterDbContext>().Subscribers.Select(s => s.Email).ToListAsync()))
            .Should().Equal("bernd@example.org");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_sign_up_answers_the_same_whether_the_address_is_new_pending_or_confirmed(string provider)
    {
        using var factory = new PortalFactory(provider);
        using var visitor = factory.CreateBrowser();
        await NewsletterSite.SignUpAsync(visitor, "fr", "known@example.org", "fr", "public");
        await NewsletterSite.ConfirmAsync(factory, visitor, "known@example.org");

        var known = await NewsletterSite.SignUpAsync(visitor, "fr", "known@example.org", "de", "professionals");
        var fresh = await NewsletterSite.SignUpAsync(visitor, "fr", "fresh@example.org", "fr", "public");
        known.Status.Should().Be(fresh.Status);
        MainOf(known.Html).Should().Be(MainOf(fresh.Html), "the answer does not tell whether an address is subscribed");

        // A sign-up of a confirmed address changes nothing: only a reminder goes to its owner.
        var subscriber = await factory.WithScopeAsync(sp => sp.GetRequiredService<NewsletterDbContext>().Subscribers.SingleAsync(s => s.Email == "known@example.org"));
        subscriber.Culture.Should().Be("fr");
        subscriber.Audiences.Should().Be("public");

        // Per-field messages, and what was typed is kept.
        var wrong = await NewsletterSite.SignUpAsync(visitor, "fr", "pas-une-adresse", "xx");
        wrong.Status.Should().Be(HttpStatusCode.BadRequest);
        wrong.Html.Should().Contain("id=\"nl-Email-error\"").And.Contain("id=\"nl-Language-error\"").And.Contain("id=\"nl-Audiences-error\"").And.Contain("value=\"pas-une-adresse\"");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_confirmed_subscriber_receives_the_edition_in_their_language_as_accessible_html_and_text(string provider)
    {
        using var factory = new PortalFactory(provider);
        await NewsletterSite.SeedAsync(factory);
        using var visitor = factory.CreateBrowser();
        await NewsletterSite.SignUpAsync(visitor, "fr", "anne@example.org", "fr", "public");
        await NewsletterSite.SignUpAsync(visitor, "fr", "jonas@example.org", "de", "public", "professionals");
        await NewsletterSite.ConfirmAsync(factory, visitor, "anne@example.org");
        await NewsletterSite.ConfirmAsync(factory, visitor, "jonas@example.org");

        var edition = await NewsletterSite.EditionAsync(factory);
        await NewsletterSite.SendAsync(factory, edition.Id);
        var mails = (await NewsletterSite.MailsAsync(factory)).Where(m => m.HtmlBody is not null).ToList();
        mails.Should().HaveCount(2);
        var fr = mails.Single(m => m.To == "anne@example.org");
        fr.Subject.Should().Be("Lettre de mars");
        fr.Culture.Should().Be("fr");
        fr.HtmlBody.Should().Contain("<html lang=\"fr\">").And.Contain("Un nouveau relais pour les aidants").And.Contain("<h2 id=\"section-1\">Actualités</h2>")
            .And.NotContain("<img").And.NotContain("Eine neue Anlaufstelle");
        fr.Body.Should().Contain("Un nouveau relais pour les aidants").And.Contain("http://localhost/fr/actualites/");
        var de = mails.Single(m => m.To == "jonas@example.org");
        de.Subject.Should().Be("Newsletter März");
        de.HtmlBody.Should().Contain("<html lang=\"de\">").And.Contain("Eine neue Anlaufstelle für pflegende Angehörige");
        foreach (var mail in mails)
        {
            mail.UnsubscribeUrl.Should().StartWith("http://localhost/" + mail.Culture + "/");
            mail.HtmlBody.Should().Contain(mail.UnsubscribeUrl!);
            System.Text.RegularExpressions.Regex.Matches(mail.HtmlBody!, "(?:href|src)=\"(https?://[^/\"]+)").Select(m => m.Groups[1].Value).Distinct()
                .Should().Equal(["http://localhost"], "no third-party resource, no tracking");
        }

        // Published in the archive, in each language; no subscriber address on those pages.
        var archive = Browser.Decode(await visitor.GetStringAsync("/fr/lettre-d-information"));
        archive.Should().Contain("Lettre de mars").And.NotContain("anne@example.org").And.NotContain("jonas@example.org");
        Browser.Decode(await visitor.GetStringAsync($"/de/newsletter/{edition.Id}")).Should().Contain("Eine neue Anlaufstelle für pflegende Angehörige");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task One_click_unsubscribe_deletes_the_subscriber_and_the_next_edition_skips_them(string provider)
    {
        using var factory = new PortalFactory(provider);
        await NewsletterSite.SeedAsync(factory);
        using var visitor = factory.CreateBrowser();
        await NewsletterSite.SignUpAsync(visitor, "fr", "leaving@example.org", "fr", "public");
        await NewsletterSite.SignUpAsync(visitor, "fr", "staying@example.org", "fr", "public");
        await NewsletterSite.ConfirmAsync(factory, visitor, "leaving@example.org");
        await NewsletterSite.ConfirmAsync(factory, visitor, "staying@example.org");
        var first = await NewsletterSite.EditionAsync(factory);
        await NewsletterSite.SendAsync(factory, first.Id);
        var received = (await NewsletterSite.MailsAsync(factory)).Single(m => m.To == "leaving@example.org" && m.HtmlBody is not null);

        // The mail program's one-click POST (RFC 8058): no cookie, no antiforgery token, only the address of the header.
        using var mailProgram = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var path = new Uri(received.UnsubscribeUrl!).AbsolutePath;
        (await mailProgram.PostAsync(path, new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded")))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await factory.WithScopeAsync(sp => sp.GetRequiredService<NewsletterDbContext>().Subscribers.Select(s => s.Email).ToListAsync()))
            .Should().Equal("staying@example.org");
        (await mailProgram.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound, "the link now names nobody");

        var second = await NewsletterSite.EditionAsync(factory, "Lettre d'avril", "Newsletter April");
        await NewsletterSite.SendAsync(factory, second.Id);
        var mails = await NewsletterSite.MailsAsync(factory);
        mails.Where(m => m.Subject == "Lettre d'avril").Select(m => m.To).Should().Equal("staying@example.org");
    }

    [Fact]
    public async Task The_sent_mail_has_an_html_part_and_the_list_unsubscribe_headers()
    {
        using var factory = new PortalFactory();
        await factory.WithScopeAsync(async sp =>
        {
            var mailSender = sp.GetServices<Portal.Core.BackgroundTasks.IBackgroundTaskHandler>().OfType<Portal.Core.Mail.MailSender>().Single();
            var mail = new Portal.Core.Mail.OutgoingMail("reader@example.org", "Lettre", "Texte", "fr", HtmlBody: "<!DOCTYPE html><html lang=\"fr\"><body><p>Texte</p></body></html>",
                UnsubscribeUrl: "http://localhost/fr/lettre-d-information/desinscription/abc");
            await mailSender.HandleAsync(System.Text.Json.JsonSerializer.Serialize(mail), CancellationToken.None);
            var file = System.IO.Directory.EnumerateFiles(mailSender.PickupDirectory, "*.eml").Single(f => File.ReadAllText(f).Contains("reader@example.org"));
            var message = await MimeKit.MimeMessage.LoadAsync(file);
            message.Headers["List-Unsubscribe"].Should().Be("<http://localhost/fr/lettre-d-information/desinscription/abc>");
            message.Headers["List-Unsubscribe-Post"].Should().Be("List-Unsubscribe=One-Click");
            message.HtmlBody.Should().Contain("<html lang=\"fr\">");
            message.TextBody.Should().Be("Texte");
        });
    }

    private static string MainOf(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<main[^>]*>(.*)</main>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
}
