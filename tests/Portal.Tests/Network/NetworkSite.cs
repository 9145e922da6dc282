using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Mail;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Network.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Network;

/// <summary>A site with an organisation and its offer in French and German, and helpers to make members and read the outbox.</summary>
public static partial class NetworkSite
{
    public const string Password = "Network-Passw0rd-Long";
    public const string OfferFr = "/fr/aidants/halte-repit-bondy";
    public const string OfferDe = "/de/angehoerige/betreuungsgruppe-bondy";

    private const string Recipe = """
        { "name": "network-test", "steps": [ { "name": "Content", "data": [
          { "ContentItemId": "repit-fr", "ContentType": "Actor", "LocalizationSet": "repit",
            "TitlePart": { "Title": { "Text": "Plateforme de répit de Bondy" } },
            "Actor": { "Description": { "Markdown": "Information et relais pour les proches aidants." }, "Typology": { "Terms": [ "plateforme-repit" ] },
                       "Territory": { "Terms": [ "93010-bondy" ] }, "Location": { "Latitude": 48.9022, "Longitude": 2.4828 } },
            "ContactPart": { "Phone": { "Phone": "01 99 00 12 34" } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "halte-fr", "ContentType": "AidantSupport", "LocalizationSet": "halte",
            "TitlePart": { "Title": { "Text": "Halte-répit – Bondy" } },
            "AidantSupport": { "Description": { "Markdown": "Un après-midi pour souffler." }, "Actor": { "ContentItemIds": [ "repit-fr" ] },
                               "SupportTypes": { "Terms": [ "halte-repit" ] } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "halte-de", "ContentType": "AidantSupport", "LocalizationSet": "halte",
            "TitlePart": { "Title": { "Text": "Betreuungsgruppe – Bondy" } },
            "AidantSupport": { "Description": { "Markdown": "Ein Nachmittag zum Durchatmen." }, "Actor": { "ContentItemIds": [ "repit-fr" ] },
                               "SupportTypes": { "Terms": [ "halte-repit" ] } },
            "LocalizationPart": { "Culture": { "Text": "de" } } }
        ] } ] }
        """;

    public static PortalFactory Create(string provider, params (string Key, string Value)[] settings)
    {
        var factory = new PortalFactory(provider);
        foreach (var (key, value) in settings) factory.WithSetting(key, value);
        var path = Path.Combine(factory.DataDirectory, "network-test.recipe.json");
        File.WriteAllText(path, Recipe);
        factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(path)).GetAwaiter().GetResult();
        return factory;
    }

    public static Task<List<OutgoingMail>> MailsAsync(PortalFactory factory) => factory.WithDbAsync(async db =>
        (await db.BackgroundTasks.AsNoTracking().Where(t => t.Name == MailQueue.TaskName).OrderBy(t => t.Id).Select(t => t.Payload).ToListAsync())
            .Select(p => JsonSerializer.Deserialize<OutgoingMail>(p)!).ToList());

    /// <summary>An approved member with an account and a password, as a moderator's approval leaves them.</summary>
    public static Task<Professional> MemberAsync(PortalFactory factory, string name, string email, string organisation, string publicFields,
        string side = "france", string languages = "fr", string expertise = "caregivers") => factory.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<PortalUser>>();
        var account = new PortalUser { UserName = email, Email = email, DisplayName = name, EmailConfirmed = true, PreferredCulture = "fr" };
        (await users.CreateAsync(account, Password)).Succeeded.Should().BeTrue();
        var member = new Professional
        {
            Id = Guid.NewGuid().ToString("N"), UserId = account.Id, Status = ProfessionalStatus.Approved, Name = name, Email = email, OrganisationName = organisation,
            JobTitle = "Coordinatrice", Side = side, Languages = languages, Expertise = expertise, PublicFields = publicFields, Culture = "fr", CreatedUtc = DateTime.UtcNow,
        };
        var network = sp.GetRequiredService<NetworkDbContext>();
        network.Professionals.Add(member);
        await network.SaveChangesAsync();
        return member;
    });

    public static async Task<HttpClient> SignedInAsync(PortalFactory factory, string email)
    {
        var client = factory.CreateBrowser();
        (await client.SignInAsync(email, Password)).StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        return client;
    }

    [GeneratedRegex(@"https?://\S+/admin/invitation\?\S+")]
    public static partial Regex InvitationLink();
}
