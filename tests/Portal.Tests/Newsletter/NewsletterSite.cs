using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Mail;
using Portal.Core.Recipes;
using Portal.Newsletter.Data;
using Portal.Newsletter.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Newsletter;

/// <summary>A site with a published news item in French and in German, and what newsletter tests do on it.</summary>
public static class NewsletterSite
{
    public const string Recipe = """
        { "name": "newsletter-test", "steps": [ { "name": "Content", "data": [
          { "ContentItemId": "news-fr", "ContentType": "News", "LocalizationSet": "news-1",
            "TitlePart": { "Title": { "Text": "Un nouveau relais pour les aidants" } },
            "News": { "Summary": { "Text": "Le relais ouvre ses portes à Metz." } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "news-de", "ContentType": "News", "LocalizationSet": "news-1",
            "TitlePart": { "Title": { "Text": "Eine neue Anlaufstelle für pflegende Angehörige" } },
            "News": { "Summary": { "Text": "Die Anlaufstelle öffnet in Metz." } },
            "LocalizationPart": { "Culture": { "Text": "de" } } }
        ] } ] }
        """;

    public static PortalFactory Create(string provider, string? dataDirectory = null, string? connectionString = null, Action<IServiceCollection>? services = null)
    {
        var factory = new PortalFactory(provider, dataDirectory: dataDirectory, connectionString: connectionString) { ConfigureTestServices = services };
        return factory;
    }

    public static async Task SeedAsync(PortalFactory factory)
    {
        var path = Path.Combine(factory.DataDirectory, "newsletter-test.recipe.json");
        await File.WriteAllTextAsync(path, Recipe);
        await factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(path));
    }

    public static Task<List<OutgoingMail>> MailsAsync(PortalFactory factory) => factory.WithDbAsync(async db =>
        (await db.BackgroundTasks.AsNoTracking().Where(t => t.Name == MailQueue.TaskName).OrderBy(t => t.Id).Select(t => t.Payload).ToListAsync())
            .Select(p => JsonSerializer.Deserialize<OutgoingMail>(p)!).ToList());

    /// <summary>Signs up through the sign-up page as a visitor would; returns the answer's status and text.</summary>
    public static async Task<(HttpStatusCode Status, string Html)> SignUpAsync(HttpClient visitor, string culture, string email, string language, params string[] audiences)
    {
        var page = culture == "fr" ? "/fr/lettre-d-information/inscription" : "/de/newsletter/anmeldung";
        var token = await visitor.TokenAsync(page);
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("Email", email), new("Language", language) };
        fields.AddRange(audiences.Select(a => new KeyValuePair<string, string>("Audiences", a)));
        var response = await visitor.PostAsync(page, new FormUrlEncodedContent(fields));
        return (response.StatusCode, Browser.Decode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The confirmation link of the last confirmation mail to <paramref name="email"/>, followed and its button pressed.</summary>
    public static async Task ConfirmAsync(PortalFactory factory, HttpClient visitor, string email)
    {
        var mail = (await MailsAsync(factory)).Last(m => m.To == email);
        var link = System.Text.RegularExpressions.Regex.Match(mail.Body, @"http://localhost(/\S+)").Groups[1].Value;
        link.Should().NotBeEmpty(mail.Body);
        var token = await visitor.TokenAsync(link);
        var confirmed = await visitor.PostAsync(link, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        confirmed.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>A draft with a French and a German title, introduction and news item, for every audience.</summary>
    public static Task<Edition> EditionAsync(PortalFactory factory, string titleFr = "Lettre de mars", string titleDe = "Newsletter März") => factory.WithScopeAsync(async sp =>
        (await sp.GetRequiredService<Editions>().SaveAsync(null, new Dictionary<string, EditionSection>
        {
            ["fr"] = new() { Title = titleFr, Introduction = "Bonjour à toutes et à tous.", Items = ["news-fr"] },
            ["de"] = new() { Title = titleDe, Introduction = "Guten Tag.", Items = ["news-de"] },
        }, NewsletterAudiences.All, "editor@test.example"))!);

    /// <summary>Starts sending and runs the batches to the end, as the background task would; returns how many batches ran.</summary>
    public static Task<int> SendAsync(PortalFactory factory, string editionId) => factory.WithScopeAsync(async sp =>
    {
        var dispatch = sp.GetRequiredService<EditionDispatch>();
        var edition = await sp.GetRequiredService<Editions>().FindAsync(editionId);
        (await dispatch.StartAsync(edition!)).Should().BeTrue();
        var batches = 0;
        while (true)
        {
            var batch = await dispatch.RunBatchAsync(editionId);
            if (batch.Claimed > 0) batches++;
            if (batch.Remaining == 0) break;
        }
        return batches;
    });
}
