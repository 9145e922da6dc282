using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Moderation;

/// <summary>The proposal form cannot be replayed, flooded from one e-mail address, used to store fields it does not show, or used to relay text by mail.</summary>
public sealed class ProposalAbuseTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string Form = "/fr/proposer?type=Actor";

    private static (string, string)[] Proposal(string title, string email = "visiteur@example.org") =>
    [
        ("TitlePart.Title.Text", title), ("Actor.Description.Markdown", "Une association proposée par un visiteur."),
        ("Actor.Typology.Terms", "association"), ("Actor.Territory.Terms", "lorraine"), ("proposerEmail", email),
    ];

    private static PortalFactory Site(string provider) => new PortalFactory(provider)
        .WithSetting("Portal:Moderation:MinimumFillSeconds", "0")
        .WithSetting("Portal:Moderation:ProposalsPerHour", "50");

    private static async Task<List<KeyValuePair<string, string>>> FilledFormAsync(HttpClient visitor, params (string Name, string Value)[] values)
    {
        var fields = Browser.FormFields(await visitor.GetStringAsync(Form), Form);
        foreach (var (name, value) in values) { fields.RemoveAll(f => f.Key == name); fields.Add(new(name, value)); }
        return fields;
    }

    private static Task<int> CountAsync(PortalFactory factory, string title) => factory.WithDbAsync(db => db.ContentItems.CountAsync(i => i.DisplayText == title));

    [Theory, MemberData(nameof(Providers))]
    public async Task A_replayed_stamp_is_refused_with_the_values_kept(string provider)
    {
        using var factory = Site(provider);
        using var visitor = factory.CreateBrowser();
        var fields = await FilledFormAsync(visitor, Proposal("Association du lac"));

        (await visitor.PostAsync(Form, new FormUrlEncodedContent(fields))).StatusCode.Should().Be(HttpStatusCode.OK);
        var replay = await visitor.PostAsync(Form, new FormUrlEncodedContent(fields));

        replay.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = Browser.Decode(await replay.Content.ReadAsStringAsync());
        page.Should().Contain("Ce formulaire a déjà été envoyé").And.Contain("value=\"Association du lac\"").And.Contain("value=\"visiteur@example.org\"");
        (await CountAsync(factory, "Association du lac")).Should().Be(1);

        // The form shown again carries a new stamp: sent from there, it is a new proposal.
        var again = Browser.FormFields(page, Form);
        (await visitor.PostAsync(Form, new FormUrlEncodedContent(again))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await CountAsync(factory, "Association du lac")).Should().Be(2);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Fields_the_form_does_not_show_are_not_stored(string provider)
    {
        using var factory = Site(provider);
        using var visitor = factory.CreateBrowser();
        var fields = await FilledFormAsync(visitor,
            [.. Proposal("Club des remparts"), ("Actor.Siret.Text", "35600000000048"), ("Actor.Finess.Text", "570000000"),
             ("DirectoryEntryPart.Sample.Value", "true"), ("DirectoryEntryPart.LastVerified.Value", "2026-01-01")]);

        (await visitor.PostAsync(Form, new FormUrlEncodedContent(fields))).StatusCode.Should().Be(HttpStatusCode.OK);

        var item = await factory.WithDbAsync(db => db.ContentItems.AsNoTracking().SingleAsync(i => i.DisplayText == "Club des remparts"));
        var json = item.Data.ToJsonString();
        item.Data["Actor"]!["Description"]!["Markdown"]!.GetValue<string>().Should().Be("Une association proposée par un visiteur.");
        json.Should().NotContain("35600000000048").And.NotContain("570000000").And.NotContain("2026-01-01");
        item.Data["Actor"]!.AsObject().ContainsKey("Siret").Should().BeFalse();
        item.Data["DirectoryEntryPart"]?["Sample"].Should().BeNull();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task One_email_address_sends_at_most_the_daily_number_of_proposals(string provider)
    {
        using var factory = Site(provider).WithSetting("Portal:Moderation:ProposalsPerEmailPerDay", "2");
        using var visitor = factory.CreateBrowser();
        async Task<HttpResponseMessage> SendAsync(string title, string email) =>
            await visitor.PostAsync(Form, new FormUrlEncodedContent(await FilledFormAsync(visitor, Proposal(title, email))));

        (await SendAsync("Première", "meme@example.org")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SendAsync("Deuxième", "Meme@Example.org")).StatusCode.Should().Be(HttpStatusCode.OK);
        var third = await SendAsync("Troisième", "MEME@example.org");

        third.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        Browser.Decode(await third.Content.ReadAsStringAsync()).Should().Contain("Cette adresse e-mail a envoyé 2 propositions").And.Contain("value=\"Troisième\"");
        (await CountAsync(factory, "Troisième")).Should().Be(0);
        (await SendAsync("Quatrième", "autre@example.org")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_proposers_acknowledgement_quotes_nothing_they_wrote()
    {
        using var factory = Site("Sqlite");
        using var visitor = factory.CreateBrowser();
        const string title = "Achetez sur spam.example avant ce soir";
        var sent = await visitor.PostAsync(Form, new FormUrlEncodedContent(await FilledFormAsync(visitor, Proposal(title, "victime@example.org"))));
        var reference = System.Text.RegularExpressions.Regex.Match(Browser.Decode(await sent.Content.ReadAsStringAsync()), "(P-[A-Z0-9]{10})").Groups[1].Value;
        reference.Should().NotBeEmpty();

        var mail = await ProposalTests.MailToAsync(factory, "victime@example.org");

        mail.Should().NotBeNull();
        mail!.Subject.Should().Contain(reference).And.NotContain("spam");
        mail.TextBody.Should().Contain(reference).And.Contain("Portail handicap, autonomie et aidants").And.NotContain("spam").And.NotContain("Achetez")
            .And.NotContain("Une association proposée");
    }
}
