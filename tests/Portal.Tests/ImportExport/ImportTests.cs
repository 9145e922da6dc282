using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.ImportExport.Import;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.ImportExport;

/// <summary>Spreadsheet import: the committed samples, line by line; all or nothing; re-import; bad files; the command line and the back office.</summary>
public sealed class ImportTests
{
    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln"))) directory = directory.Parent;
        return directory!.FullName;
    }

    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(Root(), "samples", "import", name));
    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(Root(), "tests", "Portal.Tests", "ImportExport", "Fixtures", name));

    /// <summary>Runs <paramref name="action"/> with the interface in French, as the département's officers read it.</summary>
    private static async Task<T> InFrench<T>(Func<Task<T>> action)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
        try { return await action(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui); }
    }

    private static Task<ImportReport> PlanAsync(PortalFactory factory, string file, byte[] bytes, string type, bool publish = false) =>
        InFrench(() => factory.WithScopeAsync(sp => sp.GetRequiredService<ImportService>().PlanAsync(file, bytes, type, null, publish)));

    private static Task<ImportReport> ApplyAsync(PortalFactory factory, string file, byte[] bytes, string type, bool publish = false) =>
        InFrench(() => factory.WithScopeAsync(sp => sp.GetRequiredService<ImportService>().ApplyAsync(file, bytes, type, null, publish)));

    private static Task<List<string>> LinesAsync(PortalFactory factory, ImportReport report) =>
        InFrench(() => factory.WithScopeAsync(sp => Task.FromResult(report.Ordered.Select(sp.GetRequiredService<ImportReportWriter>().Line).ToList())));

    private static Task<(int Items, int Versions, long Changes)> CountsAsync(PortalFactory factory) => factory.WithDbAsync(async db => (
        await db.ContentItems.CountAsync(i => i.Latest && (i.ContentType == "Actor" || i.ContentType == "Action")),
        await db.ContentItems.CountAsync(),
        await db.ContentChanges.CountAsync() == 0 ? 0L : await db.ContentChanges.MaxAsync(c => c.Id)));

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_samples_are_checked_line_by_line_then_imported_once_and_a_second_import_changes_nothing(string provider)
    {
        using var factory = new PortalFactory(provider, recipe: "grande-region");
        using var client = factory.CreateClient();
        var before = await CountsAsync(factory);

        // The CSV of actions, with its deliberate errors: the report names each row and column.
        var csv = await PlanAsync(factory, "actions-moselle.csv", Sample("actions-moselle.csv"), "Action");
        (await LinesAsync(factory, csv)).Should().Equal(
            "Ligne 3, colonne « Domaines » : erreur : « Prevension et santé » n'est pas un terme de la liste Domaines. Valeurs les plus proches : Prévention et santé.",
            "Ligne 4, colonne « Courriel » : erreur : Courriel doit être une adresse e-mail comme nom@exemple.fr.",
            "Ligne 5, colonne « Structure » : erreur : Aucun acteur « Club des aînés de Metz » dans l'annuaire : importez d'abord les acteurs, ou donnez le nom, l'identifiant ou le SIRET d'un acteur. Valeurs les plus proches : Seniors actifs de Yutz.",
            "Ligne 6, colonne « Latitude » : erreur : Le point 43.2965, 5.3698 est en dehors du territoire de ce site : vérifiez les coordonnées (la latitude d'abord, puis la longitude).",
            "Ligne 7 : erreur : Cette ligne répète la ligne 2 (même identifiant externe).",
            "Ligne 8, colonne « Description » : erreur : Description est obligatoire.",
            "Ligne 9, colonne « Site web » : erreur : « =HYPERLINK(\"https://florange.example.evil\") » ressemble à une formule de tableur : les formules ne sont pas importées. Collez les valeurs seulement.",
            "Ligne 10, colonne « Au » : erreur : La date de fin est antérieure à la date de début.");
        (csv.Count(ImportAction.Create), csv.Count(ImportAction.Error)).Should().Be((2, 8));
        csv.Description.Should().Be("fichier CSV, séparateur « ; », UTF-8");

        // The workbook of actors: a formula, a bad SIRET, an unknown type, a postcode of another département; one row without coordinates.
        var xlsx = await PlanAsync(factory, "structures-moselle.xlsx", Sample("structures-moselle.xlsx"), "Actor");
        (await LinesAsync(factory, xlsx)).Should().Equal(
            "Ligne 4, colonne « Type de structure » : erreur : « Club handisport » n'est pas un terme de la liste Types de structure. Valeurs les plus proches : Clubs sportifs.",
            "Ligne 4, colonne « SIRET » : erreur : Le SIRET 12345678900000 n'est pas valide : il doit comporter 14 chiffres avec une clé de contrôle correcte.",
            "Ligne 5 : avertissement : Pas de coordonnées : placée au centre de Sarreguemines et signalée comme position approximative.",
            "Ligne 6, colonne « Code postal » : erreur : Le code postal 75001 n'appartient pas au département de la commune (code INSEE 57227).",
            "Ligne 7, colonne « Téléphone » : erreur : La cellule J7 contient une formule : copiez la colonne et collez-la en valeurs seulement.");
        // The Metz CCAS of the sample site is found by its name and commune: an update, not a duplicate.
        xlsx.Rows.Single(r => r.Row == 3).Should().Match<ImportRowPlan>(r => r.Action == ImportAction.Update && r.ContentItemId == "gr-actor-001-fr" && r.MatchedBy == "name and commune");

        // With errors, applying writes nothing at all.
        (await ApplyAsync(factory, "structures-moselle.xlsx", Sample("structures-moselle.xlsx"), "Actor", publish: true)).Applied.Should().BeFalse();
        (await ApplyAsync(factory, "actions-moselle.csv", Sample("actions-moselle.csv"), "Action")).Applied.Should().BeFalse();
        (await CountsAsync(factory)).Should().Be(before);

        // Corrected: the actors are published, the actions saved as drafts for review.
        var actors = await ApplyAsync(factory, "structures-moselle-corrige.xlsx", Sample("structures-moselle-corrige.xlsx"), "Actor", publish: true);
        actors.Applied.Should().BeTrue();
        (actors.Count(ImportAction.Create), actors.Count(ImportAction.Update)).Should().Be((5, 1));
        var actions = await ApplyAsync(factory, "actions-moselle-corrige.csv", Sample("actions-moselle-corrige.csv"), "Action");
        actions.Applied.Should().BeTrue();
        actions.Count(ImportAction.Create).Should().Be(10);
        var afterImport = await CountsAsync(factory);
        afterImport.Items.Should().Be(before.Items + 15);

        // Published actors are on the site; the one without coordinates sits at its commune's centre, flagged.
        (await client.GetAsync("/fr/acteurs/archers-du-val-de-fensch")).StatusCode.Should().Be(HttpStatusCode.OK);
        var gem = await factory.WithDbAsync(db => db.ContentItems.SingleAsync(i => i.Latest && i.DisplayText == "GEM La Passerelle"));
        gem.Field("DirectoryEntryPart", "LocationApproximate")!["Value"]!.GetValue<bool>().Should().BeTrue();
        gem.Field("Actor", "Location")!["Latitude"]!.GetValue<double>().Should().BeApproximately(49.1, 0.1);
        gem.Field("DirectoryEntryPart", "ExternalId")!["Text"]!.GetValue<string>().Should().Be("STR-57-004");
        // Drafts are not public.
        var draft = await factory.WithDbAsync(db => db.ContentItems.SingleAsync(i => i.Latest && i.DisplayText == "Café des aidants de Yutz"));
        draft.Published.Should().BeFalse();

        // The same files again: nothing changes, not even a new version or a journal entry.
        var again = await ApplyAsync(factory, "structures-moselle-corrige.xlsx", Sample("structures-moselle-corrige.xlsx"), "Actor", publish: true);
        again.Count(ImportAction.Unchanged).Should().Be(6);
        var againActions = await ApplyAsync(factory, "actions-moselle-corrige.csv", Sample("actions-moselle-corrige.csv"), "Action");
        againActions.Count(ImportAction.Unchanged).Should().Be(10);
        (await CountsAsync(factory)).Should().Be(afterImport);

        // An edited file updates the same item, found by its external id.
        var edited = Encoding.UTF8.GetString(Sample("actions-moselle-corrige.csv")).Replace("Un samedi par mois", "Le premier samedi du mois");
        var update = await ApplyAsync(factory, "actions-moselle-corrige.csv", Encoding.UTF8.GetBytes(edited), "Action");
        update.Rows.Single(r => r.Action == ImportAction.Update).Should().Match<ImportRowPlan>(r => r.ContentItemId == draft.ContentItemId && r.MatchedBy == "external id");
        (await CountsAsync(factory)).Items.Should().Be(afterImport.Items);
        var changed = await factory.WithDbAsync(db => db.ContentItems.SingleAsync(i => i.Latest && i.ContentItemId == draft.ContentItemId));
        changed.Field("Action", "Description")!["Markdown"]!.GetValue<string>().Should().StartWith("Le premier samedi du mois");
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "empty.csv", "", "Fichier : erreur : Le fichier empty.csv est vide." },
        { "liste.xlsx", "text-named-xlsx.xlsx", "Fichier : erreur : Ce fichier n'est pas un classeur Excel (.xlsx) mais du texte : si c'est un fichier CSV, donnez-lui l'extension .csv." },
        { "liste.csv", "zip", "Fichier : erreur : Ce fichier est un classeur Excel, pas un fichier CSV : donnez-lui l'extension .xlsx." },
        { "entete.xlsx", "merged-header.xlsx", "Fichier : erreur : La ligne d'en-tête contient des cellules fusionnées (B1:C1) : donnez à chaque colonne sa propre cellule d'en-tête." },
        { "gros.csv", "20mb", "Fichier : erreur : Le fichier pèse 20,0 Mo ; la limite est de 10 Mo. Découpez-le en plusieurs fichiers." },
        { "melange.csv", "mixed", "Ligne 3 : erreur : Cette ligne est séparée par « , » alors que la ligne d'en-tête utilise « ; » : enregistrez à nouveau le fichier avec un seul séparateur." },
        { "large.csv", "500 columns", "Fichier : erreur : La ligne d'en-tête compte 500 colonnes ; 100 au plus peuvent être importées. Supprimez les colonnes inutiles." },
        { "debordement.csv", "wide row", "Ligne 2 : erreur : Cette ligne compte 500 cellules mais la ligne d'en-tête nomme 3 colonnes." },
        { "formule.csv", "formula", "Ligne 2, colonne « Site web » : erreur : « =1+1 » ressemble à une formule de tableur : les formules ne sont pas importées. Collez les valeurs seulement." },
        { "doublons.csv", "duplicate headers", "Ligne 1, colonne « Nom » : erreur : Les colonnes A et C ont le même en-tête « Nom » : renommez l'une d'elles." },
        { "binaire.csv", "binary", "Fichier : erreur : Ce fichier n'est pas un fichier texte : un fichier CSV ne contient que du texte." },
        { "tableur.ods", "x", "Fichier : erreur : Les fichiers « .ods » ne peuvent pas être importés : enregistrez la feuille en .xlsx ou en .csv." },
    };

    private static byte[] BadFile(string kind) => kind switch
    {
        "" => [],
        "zip" => Sample("structures-moselle.xlsx"),
        "20mb" => Enumerable.Repeat((byte)'a', 20 * 1024 * 1024).ToArray(),
        "mixed" => Encoding.UTF8.GetBytes("Nom;Structure;Commune\r\nA;B;Metz\r\nC,D,Metz\r\n"),
        "500 columns" => Encoding.UTF8.GetBytes(string.Join(";", Enumerable.Range(1, 500).Select(i => $"C{i}")) + "\r\n" + string.Join(";", Enumerable.Range(1, 500)) + "\r\n"),
        "wide row" => Encoding.UTF8.GetBytes("Nom;Structure;Commune\r\n" + string.Join(";", Enumerable.Range(1, 500)) + "\r\n"),
        "formula" => Encoding.UTF8.GetBytes("Nom;Structure;Description;Domaines;Site web\r\nMarche;Centre communal d'action sociale de Metz;Une marche.;Sport;=1+1\r\n"),
        "duplicate headers" => Encoding.UTF8.GetBytes("Nom;Structure;Nom\r\nA;B;C\r\n"),
        "binary" => [0x4e, 0x6f, 0x6d, 0x00, 0x01, 0x02, 0xff],
        var name when name.EndsWith(".xlsx") => Fixture(name),
        _ => Encoding.UTF8.GetBytes("Nom\r\nA\r\n"),
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_gets_a_clear_message_and_nothing_is_written(string name, string kind, string expected)
    {
        using var factory = new PortalFactory(recipe: "grande-region");
        var before = await CountsAsync(factory);
        var report = await ApplyAsync(factory, name, BadFile(kind), "Action");
        report.Applied.Should().BeFalse();
        (await LinesAsync(factory, report)).Should().Contain(expected);
        (await CountsAsync(factory)).Should().Be(before);
    }

    [Fact]
    public async Task Old_excel_csv_in_windows_1252_with_commas_is_read_and_its_terms_matched()
    {
        using var factory = new PortalFactory(recipe: "grande-region");
        var text = "Nom,Structure,Description,Domaines,Publics\r\n\"Atelier équilibre\",Seniors actifs de Saint-Avold,\"Prévenir les chutes, en groupe.\",Prévention et santé,Séniors\r\n";
        var bytes = CodePages().GetBytes(text);
        var report = await PlanAsync(factory, "ancien.csv", bytes, "Action");
        report.HasErrors.Should().BeFalse(string.Join("\n", await LinesAsync(factory, report)));
        report.Description.Should().Be("fichier CSV, séparateur « , », Windows-1252");
        report.Rows.Single().Title.Should().Be("Atelier équilibre");
    }

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    /// <summary>A failure half-way (here a handler that throws at the third item, as a killed process would stop) leaves the database as it was.</summary>
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_import_stopped_half_way_leaves_the_database_as_before(string provider)
    {
        var failing = new FailingHandler { FailAt = 3 };
        using var factory = new PortalFactory(provider, recipe: "grande-region") { ConfigureTestServices = s => s.AddSingleton<IContentHandler>(failing) };
        using var client = factory.CreateClient();
        var before = await CountsAsync(factory);
        failing.Armed = true;
        var act = () => ApplyAsync(factory, "actions-moselle-corrige.csv", Sample("actions-moselle-corrige.csv"), "Action");
        await act.Should().ThrowAsync<IOException>();
        failing.Created.Should().Be(3);
        (await CountsAsync(factory)).Should().Be(before);
        (await factory.WithDbAsync(db => db.ContentItems.AnyAsync(i => i.DisplayText == "Marche nordique adaptée à Metz"))).Should().BeFalse();
    }

    private sealed class FailingHandler : IContentHandler
    {
        public int FailAt { get; init; }
        public bool Armed;
        public int Created;

        public Task CreatedAsync(ContentContext context)
        {
            if (Armed && context.Item.ContentType == "Action" && ++Created == FailAt) throw new IOException("The process stops here.");
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task The_command_line_prints_the_report_exits_non_zero_on_errors_and_uses_a_saved_mapping()
    {
        using var factory = new PortalFactory(recipe: "grande-region");
        var folder = Path.Combine(factory.DataDirectory, "files");
        System.IO.Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "actions.csv"), Sample("actions-moselle.csv"));
        File.WriteAllBytes(Path.Combine(folder, "actions-ok.csv"), Sample("actions-moselle-corrige.csv"));
        async Task<(int Code, string Output)> RunAsync(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var code = await factory.WithScopeAsync(sp => sp.GetServices<IPortalCommand>().Single(c => c.Name == "import").RunAsync(sp, args, output, error));
            return (code, output + error.ToString());
        }

        var (code, text) = await RunAsync(Path.Combine(folder, "actions.csv"), "--type", "Action", "--dry-run");
        code.Should().Be(65);
        text.Should().Contain("Row 7: error: This row repeats row 2 (same external id).").And.Contain("Nothing was written");

        (code, text) = await RunAsync(Path.Combine(folder, "actions-ok.csv"), "--type", "Action", "--dry-run");
        code.Should().Be(0);
        text.Should().Contain("Rows: 10 to create, 0 to update, 0 unchanged, 0 with errors.").And.Contain("Dry run: nothing was written.");

        // A saved mapping that ignores the description column: every row then lacks a required field.
        await factory.WithScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<ImportService>();
            var (_, mapping, _) = await service.PrepareAsync("actions-ok.csv", Sample("actions-moselle-corrige.csv"), "Action", null);
            mapping.Name = "sans description";
            mapping.Columns["Description"] = "";
            await sp.GetRequiredService<ImportMappingStore>().SaveAsync(mapping);
        });
        (code, text) = await RunAsync(Path.Combine(folder, "actions-ok.csv"), "--type", "Action", "--mapping", "sans description", "--dry-run");
        code.Should().Be(65);
        text.Should().Contain("File: error: No column gives 'Description', which every item needs: map a column to it.");

        (code, text) = await RunAsync(Path.Combine(folder, "actions-ok.csv"), "--type", "Action", "--mapping", "inconnue");
        code.Should().Be(64);
        text.Should().Contain("No saved mapping 'inconnue' for Action.");

        (code, text) = await RunAsync(Path.Combine(folder, "actions-ok.csv"), "--type", "Action", "--publish");
        code.Should().Be(0);
        text.Should().Contain("Applied: every row was saved and published.");
        (await factory.WithDbAsync(db => db.ContentItems.CountAsync(i => i.Published && i.DisplayText == "Café des aidants de Yutz"))).Should().Be(1);

        (code, _) = await RunAsync("missing.csv", "--type", "Action");
        code.Should().Be(66);
        (code, _) = await RunAsync(Path.Combine(folder, "actions-ok.csv"), "--type", "News");
        code.Should().Be(64);
    }

    [Fact]
    public async Task An_officer_uploads_checks_maps_downloads_the_report_and_applies_in_the_back_office()
    {
        using var factory = new PortalFactory(recipe: "grande-region");
        using var browser = factory.CreateBrowser();
        (await browser.GetAsync("/admin/import")).StatusCode.Should().Be(HttpStatusCode.Redirect, "anonymous visitors are sent to sign in");
        await browser.SignInAsync();

        async Task<HttpResponseMessage> UploadAsync(string name, byte[] bytes, string type, bool withToken = true)
        {
            var form = new MultipartFormDataContent();
            if (withToken) form.Add(new StringContent(await browser.TokenAsync("/admin/import")), "__RequestVerificationToken");
            form.Add(new StringContent(type), "type");
            form.Add(new ByteArrayContent(bytes), "file", name);
            return await browser.PostAsync("/admin/import", form);
        }

        (await UploadAsync("actions.csv", Sample("actions-moselle.csv"), "Action", withToken: false)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var refused = await UploadAsync("actions.ods", [1, 2, 3], "Action");
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Browser.Decode(await refused.Content.ReadAsStringAsync()).Should().Contain("Seuls les fichiers .xlsx et .csv peuvent être importés.");

        var uploaded = await UploadAsync("actions-moselle.csv", Sample("actions-moselle.csv"), "Action");
        uploaded.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = uploaded.Headers.Location!.OriginalString;
        await StillAsync(factory, page);
        var html = Browser.Decode(await browser.GetStringAsync(page));
        html.Should().Contain("Import de actions-moselle.csv").And.Contain("« Prevension et santé » n'est pas un terme de la liste Domaines.")
            .And.Contain("8 lignes en erreur").And.NotContain("Importer en brouillons");
        // The proposed mapping: "Structure" feeds the actor of the action, "Latitude" one coordinate.
        html.Should().MatchRegex("<option value=\"Action.Actor\" selected=\"selected\">");

        var report = await browser.GetAsync(page + "/report.csv");
        report.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var reportText = Encoding.UTF8.GetString(await report.Content.ReadAsByteArrayAsync());
        reportText.Should().Contain("Ligne;Colonne;Gravité;Message;Suggestions").And.Contain("3;Domaines;erreur;");
        reportText.Should().Contain("9;Site web;erreur;");

        // Another person cannot open this upload.
        using (var other = factory.CreateBrowser())
        {
            await factory.WithScopeAsync(async sp =>
            {
                var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Portal.Core.Security.PortalUser>>();
                var roles = sp.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole>>();
                var role = new Microsoft.AspNetCore.Identity.IdentityRole("Importer");
                await roles.CreateAsync(role);
                await roles.AddClaimAsync(role, new System.Security.Claims.Claim(Portal.Core.Security.Roles.PermissionClaim, "ImportContent"));
                var user = new Portal.Core.Security.PortalUser { UserName = "importer@test.example", Email = "importer@test.example", EmailConfirmed = true };
                (await users.CreateAsync(user, PortalFactory.AdminPassword)).Succeeded.Should().BeTrue();
                await users.AddToRoleAsync(user, "Importer");
            });
            await other.SignInAsync("importer@test.example");
            (await other.GetAsync("/admin/import")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await other.GetAsync(page)).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await other.GetAsync(page + "/report.csv")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        // Upload the corrected file; ignore the "Site web" column and save the mapping; then apply.
        uploaded = await UploadAsync("actions-moselle-corrige.csv", Sample("actions-moselle-corrige.csv"), "Action");
        page = uploaded.Headers.Location!.OriginalString;
        await StillAsync(factory, page);
        html = await browser.GetStringAsync(page);
        var fields = new List<KeyValuePair<string, string>> { new("mode", "draft"), new("saveAs", "Recensement 57") };
        foreach (System.Text.RegularExpressions.Match select in System.Text.RegularExpressions.Regex.Matches(html, "<select id=\"(column\\d+)\" name=\"column\\d+\">(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline))
        {
            var chosen = System.Text.RegularExpressions.Regex.Match(select.Groups[2].Value, "<option value=\"([^\"]*)\" selected=\"selected\">");
            fields.Add(new(select.Groups[1].Value, chosen.Success ? chosen.Groups[1].Value : ""));
        }
        fields.Should().Contain(new KeyValuePair<string, string>("column13", "ContactPart.Website"));
        fields[fields.FindIndex(f => f.Key == "column13")] = new("column13", "");
        var checkedAgain = await browser.PostFormAsync(page, page + "/check", fields);
        checkedAgain.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await StillAsync(factory, page);
        html = Browser.Decode(await browser.GetStringAsync(page));
        html.Should().Contain("La correspondance a été enregistrée sous le nom « Recensement 57 »").And.Contain("10 lignes à créer").And.Contain("Importer en brouillons");
        (await factory.WithScopeAsync(sp => sp.GetRequiredService<ImportMappingStore>().GetAsync("Recensement 57")))!.TargetOf("Site web").Should().BeNull();

        var applied = await browser.PostFormAsync(page, page + "/apply", []);
        applied.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await StillAsync(factory, page);
        html = Browser.Decode(await browser.GetStringAsync(page));
        // The final report of the job (the page no longer checks the file again after the apply).
        html.Should().Contain("Importé en brouillons à relire : 10 créés, 0 mis à jour.").And.Contain("10 lignes créées");
        var florange = await factory.WithDbAsync(db => db.ContentItems.SingleAsync(i => i.Latest && i.DisplayText == "Initiation au numérique"));
        florange.Published.Should().BeFalse();
        florange.Field("ContactPart", "Website").Should().BeNull("the column was ignored");

        // The list downloads as an Excel workbook with its filters, which reads back with the import's own reader.
        var workbook = await browser.GetAsync("/admin/content/Action?status=Draft&format=xlsx");
        workbook.StatusCode.Should().Be(HttpStatusCode.OK);
        workbook.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var table = await factory.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<SpreadsheetReader>().Read("list.xlsx", workbook.Content.ReadAsByteArrayAsync().Result)));
        table.Problems.Should().BeEmpty();
        table.Headers.Should().StartWith(["id", "Titre", "Langue", "Statut"]);
        table.Rows.Should().HaveCount(10).And.Contain(r => r.Cells[1] == "Initiation au numérique" && r.Cells[3] == "Draft");
        (await browser.GetAsync("/admin/content/Action?format=pdf")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    /// <summary>Waits until the import job behind <paramref name="page"/> has stopped running (analysed, applied, failed or cancelled).</summary>
    private static async Task StillAsync(PortalFactory factory, string page)
    {
        var id = page[(page.LastIndexOf('/') + 1)..];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await factory.WithScopeAsync(sp => sp.GetRequiredService<Portal.ImportExport.Data.ImportExportDbContext>().ImportJobs
                   .AnyAsync(j => j.Id == id && (j.State == Portal.ImportExport.Data.ImportJobState.Analysing || j.State == Portal.ImportExport.Data.ImportJobState.Applying))))
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(4)) throw new TimeoutException($"The import {id} is still running.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public void The_workbook_writer_neutralises_formulas_and_keeps_every_value_as_text()
    {
        var bytes = Portal.Contents.Services.XlsxWriter.Write("Liste", ["Titre", "Téléphone"],
            [[Portal.Contents.Services.CsvExport.Neutralize("=HYPERLINK(\"http://evil.example\")"), Portal.Contents.Services.CsvExport.Neutralize("+33 3 87 00 00 00")], ["0042", "1e5"]]);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
        cells.Should().OnlyContain(c => c.CellFormula == null && c.DataType!.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString);
        cells.Select(c => c.InnerText).Should().Equal("Titre", "Téléphone", "'=HYPERLINK(\"http://evil.example\")", "'+33 3 87 00 00 00", "0042", "1e5");
    }
}
