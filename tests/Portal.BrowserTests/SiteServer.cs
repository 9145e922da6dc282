using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Portal.BrowserTests;

/// <summary>
/// The built site, run as an operator runs it (dotnet Portal.Web.dll) on a free port of 127.0.0.1, on a fresh SQLite
/// database set up from the base recipe plus a small directory and an upcoming event (FR and DE), so that every kind of page exists.
/// </summary>
public sealed class SiteServer : IAsyncLifetime
{
    public const string AdminEmail = "admin@browser.example";
    public const string AdminPassword = "Browser-Passw0rd-Long";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "portal-browser-tests", Guid.NewGuid().ToString("N"));
    private Process? _process;

    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The site's data directory: its SQLite database and its mail pickup folder.</summary>
    public string DataDirectory => _data;

    /// <summary>The repository's root (where Portal.sln is): the samples live there.</summary>
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln"))) directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Debian's Chromium, headless, shared by the tests of a class.</summary>
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(_data);
        var recipe = Path.Combine(_data, "directory.recipe.json");
        await File.WriteAllTextAsync(recipe, DirectoryRecipe);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";

        // Set up, then add the directory with the operator's recipe command, then serve.
        _process = Start("--urls", BaseUrl);
        await WaitForHealthAsync();
        var load = Start("recipe", recipe);
        await load.WaitForExitAsync();
        if (load.ExitCode != 0) throw new InvalidOperationException("The test recipe failed: " + await load.StandardError.ReadToEndAsync());

        const string chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium)) throw new InvalidOperationException("The browser tests need Debian's Chromium: apt-get install -y chromium");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Waits until the site's index has taken in the test directory (applied from the content journal).</summary>
    public async Task WaitForSearchAsync()
    {
        using var http = new HttpClient();
        for (var i = 0; i < 100; i++)
        {
            var body = await http.GetStringAsync(BaseUrl + "/api/search?culture=fr&q=boccia");
            // At least the directory's entry (other tests may add more boccia items before this one waits).
            if (System.Text.Json.Nodes.JsonNode.Parse(body)?["total"]?.GetValue<int>() >= 1) return;
            await Task.Delay(200);
        }
        throw new TimeoutException("The search index never contained the test directory.");
    }

    /// <summary>Applies one more recipe (a name from recipes/ or a path) with the operator's command, as the set-up does.</summary>
    public async Task RunRecipeAsync(string recipe)
    {
        var load = Start("recipe", recipe);
        await load.WaitForExitAsync();
        if (load.ExitCode != 0) throw new InvalidOperationException($"The recipe {recipe} failed: " + await load.StandardError.ReadToEndAsync());
    }

    private Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["Portal__DataDirectory"] = _data;
        info.Environment["Portal__Setup__Recipe"] = "portal-base";
        info.Environment["Portal__Setup__AdminEmail"] = AdminEmail;
        info.Environment["Portal__Setup__AdminPassword"] = AdminPassword;
        info.Environment["Portal__Setup__DemoPassword"] = AdminPassword;
        info.Environment["Portal__Moderation__MinimumFillSeconds"] = "0";
        // One proposal a day per e-mail address, so that the limit's message can be checked with a second one.
        info.Environment["Portal__Moderation__ProposalsPerEmailPerDay"] = "1";
        // The tests send more proposals from 127.0.0.1 than the five an address may send in an hour.
        info.Environment["Portal__Moderation__ProposalsPerHour"] = "100";
        // Every test signs in from 127.0.0.1, one after the other: more than the ten attempts a minute an address gets.
        info.Environment["Portal__Users__SignInAttemptsPerMinute"] = "1000";
        // The insights page shows a search a second after it is made, instead of half a minute.
        info.Environment["Portal__Search__Insights__FlushInterval"] = "00:00:01";
        // The network's tests record more applications from 127.0.0.1 than the five an address may in an hour.
        info.Environment["Portal__Network__ApplicationsPerHour"] = "100";
        info.Environment["Portal__Database__Provider"] = "Sqlite";
        info.Environment["ConnectionStrings__Portal"] = "";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    private async Task WaitForHealthAsync()
    {
        using var http = new HttpClient();
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            if (_process!.HasExited) throw new InvalidOperationException("The site stopped: " + await _process.StandardError.ReadToEndAsync());
            await Task.Delay(500);
        }
        throw new TimeoutException("The site did not answer /health within a minute.");
    }

    /// <summary>
    /// A message the site gave up sending (as the outbox leaves one after 72 hours of a closed SMTP port), written into
    /// the site's own queue table: the browser tests cannot wait three days.
    /// </summary>
    public async Task AddFailedMailAsync(string to, string subject, string error)
    {
        var payload = System.Text.Json.JsonSerializer.Serialize(new Portal.Core.Mail.OutgoingMail(to, subject, "Texte du message."));
        var now = DateTime.UtcNow;
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_data, "portal.db")};Default Timeout=30");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO BackgroundTasks (Name, Payload, Status, Attempts, CreatedUtc, AvailableUtc, CompletedUtc, LastError)
            VALUES ($name, $payload, 'Failed', 31, $created, $now, $now, $error)
            """;
        command.Parameters.AddWithValue("$name", Portal.Core.Mail.MailQueue.TaskName);
        command.Parameters.AddWithValue("$payload", payload);
        command.Parameters.AddWithValue("$created", now.AddHours(-73).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$now", now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$error", error);
        await command.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        try { System.IO.Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    private const string DirectoryRecipe = """
        { "name": "browser-directory", "steps": [ { "name": "Content", "data": [
          { "ContentItemId": "b-actor-fr", "ContentType": "Actor", "LocalizationSet": "b-actor",
            "TitlePart": { "Title": { "Text": "Handisport Bobigny" } },
            "Actor": { "Description": { "Markdown": "Club **omnisport** ouvert aux personnes en situation de handicap." },
                       "Typology": { "Terms": [ "club-sportif" ] }, "Territory": { "Terms": [ "93008-bobigny" ] },
                       "Location": { "Latitude": 48.9077, "Longitude": 2.4397 }, "Accessibility": { "Terms": [ "entree-plain-pied" ] } },
            "AddressPart": { "Street": { "Text": "1 rue de la République" }, "Postcode": { "Text": "93000" }, "Commune": { "Text": "Bobigny" }, "InseeCode": { "Text": "93008" } },
            "ContactPart": { "Phone": { "Phone": "01 99 00 10 20" }, "Email": { "Email": "contact@handisport-bobigny.example.org" } },
            "DirectoryEntryPart": { "LastVerified": { "Value": "2026-10-01" }, "Sample": { "Value": true } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "b-actor-de", "ContentType": "Actor", "LocalizationSet": "b-actor",
            "TitlePart": { "Title": { "Text": "Behindertensport Bobigny" } },
            "Actor": { "Description": { "Markdown": "Mehrspartenverein für Menschen mit Behinderung." },
                       "Typology": { "Terms": [ "club-sportif" ] }, "Territory": { "Terms": [ "93008-bobigny" ] } },
            "ContactPart": { "Phone": { "Phone": "01 99 00 10 20" }, "Email": { "Email": "contact@handisport-bobigny.example.org" } },
            "LocalizationPart": { "Culture": { "Text": "de" } } },
          { "ContentItemId": "b-action", "ContentType": "Action", "LocalizationSet": "b-action-set",
            "TitlePart": { "Title": { "Text": "Boccia le mercredi" } },
            "Action": { "Description": { "Markdown": "Boccia pour tous." }, "Actor": { "ContentItemIds": [ "b-actor-fr" ] },
                        "Domains": { "Terms": [ "sport-adapte" ] }, "DisabilityTypes": { "Terms": [ "moteur" ] }, "Fees": { "Terms": [ "gratuit" ] } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "b-action-de", "ContentType": "Action", "LocalizationSet": "b-action-set",
            "TitlePart": { "Title": { "Text": "Boccia am Mittwoch" } },
            "Action": { "Description": { "Markdown": "Boccia für alle." }, "Actor": { "ContentItemIds": [ "b-actor-de" ] },
                        "Domains": { "Terms": [ "sport-adapte" ] }, "DisabilityTypes": { "Terms": [ "moteur" ] }, "Fees": { "Terms": [ "gratuit" ] } },
            "LocalizationPart": { "Culture": { "Text": "de" } } },
          { "ContentItemId": "b-support-fr", "ContentType": "AidantSupport", "LocalizationSet": "b-support",
            "TitlePart": { "Title": { "Text": "Café des aidants de Bobigny" } },
            "AidantSupport": { "Description": { "Markdown": "Un moment d'échange entre proches aidants, chaque mois." }, "Actor": { "ContentItemIds": [ "b-actor-fr" ] },
                               "SupportTypes": { "Terms": [ "groupe-de-parole" ] }, "Fees": { "Terms": [ "gratuit" ] },
                               "OpeningHours": { "Text": "Mo,We,Fr 14:00-18:00; Sa 10:00-12:00; PH off" }, "RegistrationMode": { "Text": "sur-inscription" } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "b-support-de", "ContentType": "AidantSupport", "LocalizationSet": "b-support",
            "TitlePart": { "Title": { "Text": "Angehörigencafé Bobigny" } },
            "AidantSupport": { "Description": { "Markdown": "Ein monatlicher Austausch zwischen pflegenden Angehörigen." }, "Actor": { "ContentItemIds": [ "b-actor-de" ] },
                               "SupportTypes": { "Terms": [ "groupe-de-parole" ] }, "Fees": { "Terms": [ "gratuit" ] },
                               "OpeningHours": { "Text": "Mo,We,Fr 14:00-18:00; Sa 10:00-12:00; PH off" }, "RegistrationMode": { "Text": "sur-inscription" } },
            "LocalizationPart": { "Culture": { "Text": "de" } } },
          { "ContentItemId": "b-news-fr", "ContentType": "News", "LocalizationSet": "b-news",
            "TitlePart": { "Title": { "Text": "Ouverture du portail" } },
            "News": { "Summary": { "Text": "Le portail recense les activités accessibles." }, "PublicationDate": { "Value": "2026-11-20" }, "Tags": { "Text": "portail, annuaire" } },
            "HtmlBodyPart": { "Body": { "Html": "<p>Bienvenue sur le portail.</p>" } }, "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "b-news-de", "ContentType": "News", "LocalizationSet": "b-news",
            "TitlePart": { "Title": { "Text": "Das Portal ist online" } },
            "News": { "Summary": { "Text": "Das Portal verzeichnet barrierefreie Angebote." }, "PublicationDate": { "Value": "2026-11-20" } },
            "HtmlBodyPart": { "Body": { "Html": "<p>Willkommen auf dem Portal.</p>" } }, "LocalizationPart": { "Culture": { "Text": "de" } } },
          { "ContentItemId": "b-page-map", "ContentType": "Page",
            "TitlePart": { "Title": { "Text": "Activités sur la carte" } },
            "Page": { "Summary": { "Text": "Les activités du département." }, "Map": { "Query": "type=Action" } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } }
        ] },
        { "name": "EventSamples", "data": [
          { "ContentItemId": "b-event-fr", "ContentType": "Event", "LocalizationSet": "b-event",
            "TitlePart": { "Title": { "Text": "Atelier mémoire et jeux" } },
            "Event": { "Summary": { "Text": "Un après-midi de jeux de mémoire en petit groupe." }, "Description": { "Markdown": "Des jeux **doux** pour entretenir la mémoire." },
                       "Sessions": { "Sessions": [ { "Day": 20, "Start": "14:00", "End": "16:00" } ] },
                       "Status": { "Text": "scheduled" }, "Organiser": { "ContentItemIds": [ "b-actor-fr" ] },
                       "Location": { "Latitude": 49.1193, "Longitude": 6.1757 }, "Languages": { "Terms": [ "fr", "de" ] },
                       "Price": { "Value": 0 }, "Capacity": { "Value": 10 },
                       "RegistrationOpens": { "Day": -5, "Time": "09:00" }, "RegistrationCloses": { "Day": 18, "Time": "18:00" } },
            "AddressPart": { "Street": { "Text": "1 place d'Armes" }, "Postcode": { "Text": "57000" }, "Commune": { "Text": "Metz" }, "InseeCode": { "Text": "57463" } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "b-event-de", "ContentType": "Event", "LocalizationSet": "b-event",
            "TitlePart": { "Title": { "Text": "Gedächtnisspiele am Nachmittag" } },
            "Event": { "Summary": { "Text": "Ein Nachmittag mit Gedächtnisspielen in kleiner Gruppe." }, "Description": { "Markdown": "Sanfte Spiele für das Gedächtnis." },
                       "Sessions": { "Sessions": [ { "Day": 20, "Start": "14:00", "End": "16:00" } ] },
                       "Status": { "Text": "scheduled" }, "Organiser": { "ContentItemIds": [ "b-actor-fr" ] },
                       "Location": { "Latitude": 49.1193, "Longitude": 6.1757 }, "Languages": { "Terms": [ "fr", "de" ] },
                       "Price": { "Value": 0 }, "Capacity": { "Value": 10 },
                       "RegistrationOpens": { "Day": -5, "Time": "09:00" }, "RegistrationCloses": { "Day": 18, "Time": "18:00" } },
            "AddressPart": { "Street": { "Text": "1 place d'Armes" }, "Postcode": { "Text": "57000" }, "Commune": { "Text": "Metz" }, "InseeCode": { "Text": "57463" } },
            "LocalizationPart": { "Culture": { "Text": "de" } } }
        ] },
        { "name": "ResourceSamples", "Documents": [
          { "Key": "b-guide-fr", "FileName": "guide-memoire.pdf", "Title": "Guide des jeux de mémoire", "Culture": "fr",
            "Pages": [ "Ce guide présente des jeux de mémoire pour les ateliers.", "Le loto des sons se joue en petit groupe de six personnes." ] },
          { "Key": "b-guide-de", "FileName": "leitfaden-gedaechtnis.pdf", "Title": "Leitfaden Gedächtnisspiele", "Culture": "de",
            "Pages": [ "Dieser Leitfaden stellt Gedächtnisspiele für Workshops vor.", "Das Geräusche-Lotto wird in kleinen Gruppen von sechs Personen gespielt." ] } ],
          "data": [
          { "ContentItemId": "b-resource-fr", "ContentType": "Resource", "LocalizationSet": "b-resource", "Published": true,
            "TitlePart": { "Title": { "Text": "Guide des jeux de mémoire" } },
            "Resource": { "Kind": { "Text": "guide" }, "Summary": { "Text": "Des jeux simples pour animer un atelier mémoire." }, "Side": { "Text": "france" },
                          "Year": { "Value": 2026 }, "Licence": { "Text": "CC BY 4.0" }, "File": { "MediaIds": [ "media:b-guide-fr" ] } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "b-resource-de", "ContentType": "Resource", "LocalizationSet": "b-resource", "Published": true,
            "TitlePart": { "Title": { "Text": "Leitfaden Gedächtnisspiele" } },
            "Resource": { "Kind": { "Text": "guide" }, "Summary": { "Text": "Einfache Spiele für einen Gedächtnisworkshop." }, "Side": { "Text": "saarland" },
                          "Year": { "Value": 2026 }, "Licence": { "Text": "CC BY 4.0" }, "File": { "MediaIds": [ "media:b-guide-de" ] } },
            "LocalizationPart": { "Culture": { "Text": "de" } } },
          { "ContentItemId": "b-resource-video-fr", "ContentType": "Resource", "Published": true,
            "TitlePart": { "Title": { "Text": "Vidéo : un atelier mémoire" } },
            "Resource": { "Kind": { "Text": "video" }, "Summary": { "Text": "Dix minutes dans un atelier mémoire." }, "Link": { "Url": "https://video.example.org/atelier" },
                          "Related": { "ContentItemIds": [ "b-resource-fr" ] } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } } ] },
        { "name": "DemoAccounts", "Accounts": [
          { "Email": "partner@browser.example", "Name": "Partenaire", "Role": "Partner", "Actors": [ "b-actor-fr" ] },
          { "Email": "moderator@browser.example", "Name": "Modératrice", "Role": "Moderator" } ] } ] }
        """;
}
