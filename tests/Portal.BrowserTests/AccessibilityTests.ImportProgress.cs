using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace Portal.BrowserTests;

/// <summary>The progress page of an import job (running, then cancelled), in both languages, through axe and HTML_CodeSniffer.</summary>
public sealed partial class AccessibilityTests
{
    /// <summary>A spreadsheet of actors long enough for its check to run for a while (the limit is 20,000 rows).</summary>
    private static FilePayload LongImportFile(string name)
    {
        // Every column an actor requires, so that the check goes through every row.
        var text = new StringBuilder("Identifiant;Nom;Type de structure;Présentation;Commune;Code INSEE\n");
        for (var i = 0; i < 15_000; i++)
            text.Append(CultureInfo.InvariantCulture, $"BROWSER-{i:D6};Structure de test {i};Associations;Présentation de la structure {i}.;Bobigny;93008\n");
        return new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text.ToString()) };
    }

    private async Task CheckImportPageAsync(IPage page, string what)
    {
        (await CodeSnifferErrorsAsync(page)).Should().BeEmpty("HTML_CodeSniffer finds no WCAG2AA error on {0}", what);
        (await ViolationsAsync(page)).Should().BeEmpty("axe finds nothing on {0}", what);
        (await page.EvaluateAsync<int>("() => document.querySelectorAll('h1').length")).Should().Be(1, what + ": one h1");
        (await WrongLanguageWordsAsync(page)).Should().BeEmpty(what);
        (await EnglishWordsAsync(page)).Should().BeEmpty(what + ": every string is translated");
    }

    /// <summary>
    /// Opens the job's page again (as its refresh link does) until <paramref name="condition"/> holds on it; the page's
    /// own script is kept from opening the report meanwhile (its status requests are refused), so no two navigations race.
    /// </summary>
    private async Task ReloadUntilAsync(IPage page, string job, string condition, string what)
    {
        for (var i = 0; i < 600; i++)
        {
            await page.GotoAsync(job);
            if (await page.EvaluateAsync<bool>(condition)) return;
        }
        throw new TimeoutException("The import's page never showed " + what);
    }

    /// <summary>Sends a file of actors to the import and returns its job's page, where the import form leads.</summary>
    private static async Task<string> StartLongImportAsync(IPage page, string baseUrl, string name)
    {
        await page.GotoAsync(baseUrl + "/admin/import");
        await page.SetInputFilesAsync("#file", LongImportFile(name));
        await page.SelectOptionAsync("#type", "Actor");
        (await SubmitAsync(page, "form[action='/admin/import'] button[type=submit]")).Should().Be(302);
        return page.Url;
    }

    [Fact]
    public async Task The_import_progress_page_of_a_running_then_cancelled_job_passes_axe_and_html_codesniffer_in_both_languages()
    {
        var page = await SignedInHomeAsync(SiteServer.AdminEmail);
        await page.AddInitScriptAsync(HtmlCodeSniffer);
        // The page's script asks where the job stands and opens the report once it stops: refused here, so that the checks
        // and this test's own navigations never race with it (the page works without it, by its refresh link).
        await page.RouteAsync("**/admin/import/*/status", route => route.AbortAsync());
        foreach (var (culture, cancel, said) in new[]
                 {
                     ("fr", "Annuler l'import", "L'import a été annulé avant d'avoir rien écrit."),
                     ("de", "Import abbrechen", "Der Import wurde abgebrochen, bevor er etwas geschrieben hat."),
                 })
        {
            await CultureAsync(page, culture);
            var job = await StartLongImportAsync(page, site.BaseUrl, $"recensement-{culture}.csv");
            (await page.Locator(".import-progress").CountAsync()).Should().Be(1, "the job's page is its progress page while it runs");
            (await page.Locator("#import-bar").CountAsync()).Should().Be(1, "the page shows a progress bar");
            (await page.Locator("#import-refresh").GetAttributeAsync("href")).Should().Be(new Uri(job).AbsolutePath, "a plain link refreshes it without JavaScript");
            (await page.Locator("form[action$='/cancel'] button").TextContentAsync())!.Trim().Should().Be(cancel);
            await CheckImportPageAsync(page, $"the progress page ({culture})");
            await page.SetViewportSizeAsync(375, 900);
            (await ViolationsAsync(page)).Should().BeEmpty($"the progress page at 375 px ({culture})");
            (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1")).Should().BeTrue($"the progress page fits 375 px ({culture})");
            await page.SetViewportSizeAsync(1280, 900);
            await ShotAsync(page, $"import-progress-{culture}");

            // A cancel must reach the job while its check runs: on a busy machine the check of the file may end first (the
            // job is then ready to apply and there is nothing to cancel), so a new file is sent, a few times at most.
            var cancelled = false;
            for (var attempt = 0; attempt < 4 && !cancelled; attempt++)
            {
                if (attempt > 0) job = await StartLongImportAsync(page, site.BaseUrl, $"recensement-{culture}-{attempt}.csv");
                // Once its check has begun, the bar and the text say how far it is.
                await ReloadUntilAsync(page, job, "() => !document.querySelector('.import-progress') || document.querySelector('#import-bar').value > 0", "its check under way");
                if (await page.Locator(".import-progress").CountAsync() == 0) continue;
                // Cancelled at once, by the page's own form sent in the background, while this page stays as it is for its checks.
                (await page.EvaluateAsync<int>("""
                    async () => {
                        const form = document.querySelector("form[action$='/cancel']");
                        const answer = await fetch(form.action, { method: 'POST', body: new FormData(form), redirect: 'manual' });
                        return answer.type === 'opaqueredirect' ? 302 : answer.status;
                    }
                    """)).Should().Be(302, "the cancel form is accepted");
                (await page.Locator("#import-text").TextContentAsync()).Should().MatchRegex(@"\d", "the text gives the rows done");
                await CheckImportPageAsync(page, $"the progress page under way ({culture})");
                await ShotAsync(page, $"import-progress-running-{culture}");
                // Cancelled, the job's page becomes its final page, which says so (unless the check had ended first).
                await ReloadUntilAsync(page, job, "() => !document.querySelector('.import-progress')", "the end of the job");
                cancelled = await page.Locator("p.notice[role=status]", new() { HasText = said }).CountAsync() > 0;
            }
            cancelled.Should().BeTrue($"a cancel reached a running import and its final page says the import was cancelled ({culture})");
            await CheckImportPageAsync(page, $"the page of the cancelled import ({culture})");
            await ShotAsync(page, $"import-cancelled-{culture}");
        }
        await page.CloseAsync();
    }
}
