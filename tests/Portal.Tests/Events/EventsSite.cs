using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Search.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Events;

/// <summary>The site's clock stopped at one instant: "now" for the agenda.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// A site on 1 March 2027 with an organiser and five events: one over two sessions on either side of the change to
/// summer time (27 and 29 March 2027), with its German translation; an online one whose link is private; a past one
/// with its report; a cancelled one.
/// </summary>
public sealed class EventsSite : IDisposable
{
    public static readonly DateTimeOffset Today = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
    public const string SecretLink = "https://visio.example.org/secret-room-42";

    public FixedClock Clock { get; } = new(Today);
    public PortalFactory Factory { get; }

    public const string Recipe = """
        { "name": "events-test", "steps": [ { "name": "Content", "data": [
          { "ContentItemId": "actor-fr", "ContentType": "Actor", "LocalizationSet": "actor-1",
            "TitlePart": { "Title": { "Text": "Club des aînés de Metz" } },
            "Actor": { "Description": { "Markdown": "Association." }, "Typology": { "Terms": [ "association" ] }, "Territory": { "Terms": [ "57463-metz" ] } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "actor-de", "ContentType": "Actor", "LocalizationSet": "actor-1",
            "TitlePart": { "Title": { "Text": "Seniorenclub Metz" } },
            "Actor": { "Description": { "Markdown": "Verein." }, "Typology": { "Terms": [ "association" ] }, "Territory": { "Terms": [ "57463-metz" ] } },
            "LocalizationPart": { "Culture": { "Text": "de" } } },
          { "ContentItemId": "actor-other", "ContentType": "Actor",
            "TitlePart": { "Title": { "Text": "Autre structure" } },
            "Actor": { "Description": { "Markdown": "Association." }, "Typology": { "Terms": [ "association" ] }, "Territory": { "Terms": [ "57463-metz" ] } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "event-dst", "ContentType": "Event", "LocalizationSet": "event-1",
            "TitlePart": { "Title": { "Text": "Atelier équilibre au printemps" } },
            "Event": { "Summary": { "Text": "Deux matinées pour prévenir les chutes." }, "Description": { "Markdown": "Exercices **doux**." },
                       "Sessions": { "Sessions": [ { "Start": "2027-03-29T10:00", "End": "2027-03-29T12:00" }, { "Start": "2027-03-27T10:00", "End": "2027-03-27T12:00" } ] },
                       "Status": { "Text": "scheduled" }, "Organiser": { "ContentItemIds": [ "actor-fr" ] },
                       "Location": { "Latitude": 49.1193, "Longitude": 6.1757 },
                       "Domains": { "Terms": [ "prevention-sante" ] }, "Audiences": { "Terms": [ "seniors" ] }, "Accessibility": { "Terms": [ "lsf" ] },
                       "Languages": { "Terms": [ "fr", "de" ] }, "Price": { "Value": 0 }, "Capacity": { "Value": 12 } },
            "AddressPart": { "Street": { "Text": "1 place d'Armes" }, "Postcode": { "Text": "57000" }, "Commune": { "Text": "Metz" }, "InseeCode": { "Text": "57463" } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "event-dst-de", "ContentType": "Event", "LocalizationSet": "event-1",
            "TitlePart": { "Title": { "Text": "Gleichgewichtskurs im Frühling" } },
            "Event": { "Summary": { "Text": "Zwei Vormittage zur Sturzprävention." }, "Description": { "Markdown": "Sanfte Übungen." },
                       "Sessions": { "Sessions": [ { "Start": "2027-03-27T10:00", "End": "2027-03-27T12:00" }, { "Start": "2027-03-29T10:00", "End": "2027-03-29T12:00" } ] },
                       "Status": { "Text": "scheduled" }, "Organiser": { "ContentItemIds": [ "actor-fr" ] },
                       "Location": { "Latitude": 49.1193, "Longitude": 6.1757 },
                       "Domains": { "Terms": [ "prevention-sante" ] }, "Languages": { "Terms": [ "fr", "de" ] }, "Capacity": { "Value": 12 } },
            "AddressPart": { "Street": { "Text": "1 place d'Armes" }, "Postcode": { "Text": "57000" }, "Commune": { "Text": "Metz" }, "InseeCode": { "Text": "57463" } },
            "LocalizationPart": { "Culture": { "Text": "de" } } },
          { "ContentItemId": "event-online", "ContentType": "Event",
            "TitlePart": { "Title": { "Text": "Conférence mémoire en visio" } },
            "Event": { "Summary": { "Text": "Une heure pour comprendre la mémoire." }, "Description": { "Markdown": "En ligne." },
                       "Sessions": { "Sessions": [ { "Start": "2027-04-10T14:00", "End": "2027-04-10T15:30" } ] },
                       "Status": { "Text": "scheduled" }, "Organiser": { "ContentItemIds": [ "actor-other" ] },
                       "Online": { "Value": true }, "OnlineLink": { "Url": "https://visio.example.org/secret-room-42" },
                       "Domains": { "Terms": [ "memoire" ] }, "Languages": { "Terms": [ "fr" ] } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "event-past", "ContentType": "Event",
            "TitlePart": { "Title": { "Text": "Marche de janvier" } },
            "Event": { "Summary": { "Text": "Une marche en ville." }, "Description": { "Markdown": "Départ de la gare." },
                       "Sessions": { "Sessions": [ { "Start": "2027-01-15T14:00", "End": "2027-01-15T16:00" } ] },
                       "Status": { "Text": "scheduled" }, "Organiser": { "ContentItemIds": [ "actor-fr" ] }, "Report": { "Markdown": "Vingt marcheurs sont venus." } },
            "AddressPart": { "Commune": { "Text": "Metz" } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "event-small", "ContentType": "Event",
            "TitlePart": { "Title": { "Text": "Petit atelier cuisine" } },
            "Event": { "Summary": { "Text": "Cinq places." }, "Description": { "Markdown": "Cuisine." },
                       "Sessions": { "Sessions": [ { "Start": "2027-03-15T10:00", "End": "2027-03-15T12:00" } ] },
                       "Status": { "Text": "scheduled" }, "Organiser": { "ContentItemIds": [ "actor-fr" ] }, "Capacity": { "Value": 5 },
                       "Online": { "Value": true }, "OnlineLink": { "Url": "https://visio.example.org/secret-kitchen-7" } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "event-cancelled", "ContentType": "Event",
            "TitlePart": { "Title": { "Text": "Loto solidaire" } },
            "Event": { "Summary": { "Text": "Annulé faute de salle." }, "Description": { "Markdown": "Annulé." },
                       "Sessions": { "Sessions": [ { "Start": "2027-03-20T14:00", "End": "2027-03-20T17:00" } ] },
                       "Status": { "Text": "cancelled" }, "Organiser": { "ContentItemIds": [ "actor-fr" ] } },
            "AddressPart": { "Commune": { "Text": "Thionville" } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } }
        ] } ] }
        """;

    public EventsSite() : this("Sqlite") { }

    /// <summary>The same site on another database (the fixture itself is on SQLite).</summary>
    public static EventsSite On(string provider) => new(provider);

    private EventsSite(string provider)
    {
        Factory = new PortalFactory(provider) { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(Clock) };
        var path = Path.Combine(Factory.DataDirectory, "events-test.recipe.json");
        File.WriteAllText(path, Recipe);
        Factory.WithScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(path)).GetAwaiter().GetResult();
        var index = Factory.Services.GetRequiredService<SearchIndexManager>();
        for (var i = 0; i < 100 && index.CatchUpAsync().GetAwaiter().GetResult() > 0; i++) { }
    }

    public void Dispose() => Factory.Dispose();
}
