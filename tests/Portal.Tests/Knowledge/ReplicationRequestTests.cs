using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Mail;
using Portal.Core.Recipes;
using Portal.Knowledge.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Knowledge;

/// <summary>"Replicate this project": a moderated request that reaches the holder's mailbox, never showing one side's address to the other.</summary>
public sealed class ReplicationRequestTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string HolderEmail = "contact@relais-aidants.example.org";
    private const string RequesterEmail = "claire.demandeuse@example.org";
    private const string Project = "/fr/projets-inspirants/relais-d-aidants-transfrontalier";
    private const string Form = Project + "/reproduire";

    private const string Recipe = """
        { "name": "knowledge-test", "steps": [ { "name": "Content", "data": [
          { "ContentItemId": "holder-fr", "ContentType": "Actor",
            "TitlePart": { "Title": { "Text": "Relais des aidants de Yutz" } },
            "Actor": { "Description": { "Markdown": "Association." }, "Typology": { "Terms": [ "association" ] }, "Territory": { "Terms": [ "57757-yutz" ] } },
            "ContactPart": { "Email": { "Email": "contact@relais-aidants.example.org" } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "gp-fr", "ContentType": "GoodPractice",
            "TitlePart": { "Title": { "Text": "Relais d'aidants transfrontalier" } },
            "GoodPractice": { "Summary": { "Text": "Des rencontres entre aidants des deux côtés." }, "Holder": { "ContentItemIds": [ "holder-fr" ] },
              "Problem": { "Markdown": "Les aidants sont seuls." }, "WhatWasDone": { "Markdown": "Un groupe mensuel." }, "Contact": { "Text": "Coordinatrice" } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } }
        ] } ] }
        """;

    private static PortalFactory Site(string provider)
    {
        var factory = new PortalFactory(provider);
        var path = Path.Combine(factory.DataDirectory, "knowledge-test.recipe.json");
        File.WriteAllText(path, Recipe);
        factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(path)).GetAwaiter().GetResult();
        return factory;
    }

    private static Task<List<OutgoingMail>> MailsAsync(PortalFactory factory) => factory.WithDbAsync(async db =>
        (await db.BackgroundTasks.AsNoTracking().Where(t => t.Name == MailQueue.TaskName).OrderBy(t => t.Id).Select(t => t.Payload).ToListAsync())
            .Select(p => JsonSerializer.Deserialize<OutgoingMail>(p)!).ToList());

    [Theory, MemberData(nameof(Providers))]
    public async Task A_forwarded_request_reaches_the_holders_mailbox_with_the_requester_as_reply_to_and_no_address_crosses_over(string provider)
    {
        using var factory = Site(provider);
        using var visitor = factory.CreateBrowser();
        var page = await visitor.GetStringAsync(Project);
        page.Should().Contain(Form, "the page has the replicate button").And.NotContain(HolderEmail, "the holder's address is never shown");

        // A wrong form comes back with a message on each wrong field and what was typed.
        var form = await visitor.GetStringAsync(Form);
        form.Should().NotContain(HolderEmail);
        var token = await visitor.TokenAsync(Form);
        var wrong = await visitor.PostAsync(Form, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Name", "Claire Demandeuse"),
            new("Email", "pas-une-adresse"), new("Message", "Trop court")]));
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = Browser.Decode(await wrong.Content.ReadAsStringAsync());
        errors.Should().Contain("id=\"rep-Email-error\"").And.Contain("id=\"rep-Organisation-error\"").And.Contain("id=\"rep-Message-error\"").And.Contain("id=\"rep-Consent-error\"")
            .And.NotContain("id=\"rep-Name-error\"").And.Contain("value=\"Claire Demandeuse\"").And.Contain("value=\"pas-une-adresse\"");

        var sent = await visitor.PostAsync(Form, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Name", "Claire Demandeuse"),
            new("Organisation", "CCAS de Sarreguemines"), new("Email", RequesterEmail), new("Message", "Nous aimerions lancer un groupe semblable à Sarreguemines."), new("Consent", "true")]));
        sent.StatusCode.Should().Be(HttpStatusCode.OK);
        (await sent.Content.ReadAsStringAsync()).Should().NotContain(HolderEmail);
        (await MailsAsync(factory)).Should().BeEmpty("nothing leaves before a moderator has read the request");

        // A moderator forwards it from the back office.
        using var moderator = factory.CreateBrowser();
        await moderator.SignInAsync();
        Browser.Decode(await moderator.GetStringAsync("/admin")).Should().Contain("Demandes de reproduction : 1 en attente d'un modérateur", "the dashboard says a request waits");
        var queue = Browser.Decode(await moderator.GetStringAsync("/admin/replication-requests"));
        queue.Should().Contain("Relais d'aidants transfrontalier").And.Contain("CCAS de Sarreguemines");
        var id = await factory.WithScopeAsync(sp => sp.GetRequiredService<KnowledgeDbContext>().ReplicationRequests.Select(r => r.Id).SingleAsync());
        var forwarded = await moderator.PostAsync($"/admin/replication-requests/{id}/forward",
            new FormUrlEncodedContent([new("__RequestVerificationToken", await moderator.TokenAsync("/admin/replication-requests"))]));
        forwarded.Headers.Location!.OriginalString.Should().Be("/admin/replication-requests?done=forwarded");

        var mails = await MailsAsync(factory);
        var toHolder = mails.Should().ContainSingle(m => m.To == HolderEmail).Subject;
        toHolder.ReplyTo.Should().Be(RequesterEmail, "the holder answers the requester by replying");
        toHolder.Body.Should().Contain("Claire Demandeuse").And.Contain("CCAS de Sarreguemines").And.Contain("Sarreguemines.").And.NotContain(RequesterEmail);
        var toRequester = mails.Should().ContainSingle(m => m.To == RequesterEmail).Subject;
        toRequester.ReplyTo.Should().BeNull();
        toRequester.Body.Should().NotContain(HolderEmail, "the requester never learns the holder's address");
        mails.Should().HaveCount(2);

        // Forwarding twice sends nothing more.
        var again = await moderator.PostAsync($"/admin/replication-requests/{id}/forward",
            new FormUrlEncodedContent([new("__RequestVerificationToken", await moderator.TokenAsync("/admin/replication-requests"))]));
        again.Headers.Location!.OriginalString.Should().EndWith("done=not-pending");
        (await MailsAsync(factory)).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_declined_request_sends_nothing_and_requests_beyond_the_hourly_limit_are_refused()
    {
        using var factory = Site("Sqlite");
        using var visitor = factory.CreateBrowser();
        var token = await visitor.TokenAsync(Form);
        HttpResponseMessage Post() => visitor.PostAsync(Form, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Name", "Robot"),
            new("Organisation", "Spam"), new("Email", "robot@example.org"), new("Message", "Un message assez long pour passer."), new("Consent", "true")])).GetAwaiter().GetResult();
        var statuses = Enumerable.Range(0, 6).Select(_ => Post().StatusCode).ToList();
        statuses.Take(5).Should().OnlyContain(s => s == HttpStatusCode.OK);
        statuses[5].Should().Be(HttpStatusCode.TooManyRequests, "five requests per address and hour by default");
        (await factory.WithScopeAsync(sp => sp.GetRequiredService<KnowledgeDbContext>().ReplicationRequests.CountAsync())).Should().Be(5);

        using var moderator = factory.CreateBrowser();
        await moderator.SignInAsync();
        var id = await factory.WithScopeAsync(sp => sp.GetRequiredService<KnowledgeDbContext>().ReplicationRequests.Select(r => r.Id).FirstAsync());
        var declined = await moderator.PostAsync($"/admin/replication-requests/{id}/decline",
            new FormUrlEncodedContent([new("__RequestVerificationToken", await moderator.TokenAsync("/admin/replication-requests"))]));
        declined.Headers.Location!.OriginalString.Should().EndWith("done=declined");
        (await MailsAsync(factory)).Should().BeEmpty();
    }
}
