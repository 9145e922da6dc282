using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.BrowserTests;

/// <summary>
/// The media library (its list, a file's page, the upload form with its errors) and the resource library (the list, a
/// search in the documents, a resource's page, the site search with a document's passage): in both languages, at desktop
/// and phone widths.
/// </summary>
public sealed partial class AccessibilityTests
{
    [Fact]
    public async Task The_media_library_and_its_upload_form_with_errors_have_no_axe_violations_in_both_languages()
    {
        var image = Path.Combine(SiteServer.Root, "src", "Themes", "Portal.Theme", "wwwroot", "icons", "icon-192.png");
        foreach (var culture in new[] { "fr", "de" })
        {
            var admin = await SignedInAsync(SiteServer.AdminEmail);
            await CultureAsync(admin, culture);
            await admin.GotoAsync(site.BaseUrl + "/admin/media/upload");
            await CheckAsync(admin, $"the upload form ({culture})");

            // Sent without a file: each error at its field, in the summary too.
            await admin.FillAsync("#Tags", "logo");
            await admin.ClickAsync("form[action='/admin/media/upload'] button[type=submit]");
            await admin.WaitForSelectorAsync("#File-error");
            (await admin.Locator(".error-summary a[href='#File']").CountAsync()).Should().Be(1);
            (await admin.InputValueAsync("#Tags")).Should().Be("logo", "what was typed is kept");
            await CheckAsync(admin, $"the upload form with errors ({culture})");
            await ShotAsync(admin, "media-upload-errors-" + culture);

            // An image described in both languages goes in, and its page lists where it is used.
            await admin.SetInputFilesAsync("#File", image);
            await admin.FillAsync("#Alt_fr", "Le logo du portail");
            await admin.FillAsync("#Alt_de", "Das Logo des Portals");
            await admin.ClickAsync("form[action='/admin/media/upload'] button[type=submit]");
            await admin.WaitForURLAsync(new Regex("/admin/media/[0-9A-Za-z]{26}$"), new() { Timeout = 60_000 });
            await CheckAsync(admin, $"a file's page ({culture})");

            await admin.GotoAsync(site.BaseUrl + "/admin/media");
            (await admin.Locator("table.media-list tbody tr").CountAsync()).Should().BeGreaterThan(0);
            await CheckAsync(admin, $"the media library ({culture})", fits: false);
            await ShotAsync(admin, "media-library-" + culture);
            await admin.CloseAsync();
        }
    }

    public static TheoryData<string, string, string, string> ResourcePages() => new()
    {
        { "/fr/ressources", "Guide des jeux de mémoire", "/fr/recherche", "loto des sons" },
        { "/de/ressourcen", "Leitfaden Gedächtnisspiele", "/de/suche", "Geräusche-Lotto" },
    };

    [Theory, MemberData(nameof(ResourcePages))]
    public async Task The_resource_library_a_resource_page_and_a_document_passage_have_no_axe_violations(string library, string title, string search, string phrase)
    {
        var page = await NewPageAsync();
        await OfflineAsync(page);
        await page.GotoAsync(site.BaseUrl + library);
        var link = page.Locator("main .resource-list a", new() { HasTextString = title }).First;
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException(title + " is not in " + library);
        await CheckAsync(page, "the resource library " + library);
        await ShotAsync(page, "resources" + library.Replace('/', '-'));

        // Words only inside the PDF: the resource, the passage and its page.
        await page.GotoAsync(site.BaseUrl + library + "?q=" + Uri.EscapeDataString(phrase));
        await page.Locator("main .resource-list blockquote.passage footer").First.WaitForAsync(new() { Timeout = 60_000 });
        await CheckAsync(page, "a search in the documents " + library);
        await ShotAsync(page, "resources-passage" + library.Replace('/', '-'));

        await page.GotoAsync(site.BaseUrl + href);
        (await page.Locator("main h1", new() { HasTextString = title }).CountAsync()).Should().Be(1);
        (await page.Locator("main a[href^='/media/']").CountAsync()).Should().BeGreaterThan(0, "the resource offers its document");
        await CheckAsync(page, "the resource page " + href);
        await ShotAsync(page, "resource" + href.Replace('/', '-'));

        // The site search shows the same passage once the index has the resource.
        await site.WaitForSearchAsync();
        for (var attempt = 0; ; attempt++)
        {
            await page.GotoAsync(site.BaseUrl + search + "?q=" + Uri.EscapeDataString(phrase));
            if (await page.Locator("main .hit blockquote.passage").CountAsync() > 0) break;
            if (attempt == 100) throw new TimeoutException("the search page never showed the document's passage");
            await Task.Delay(300); // the index follows the journal: poll, as WaitForSearchAsync does
        }
        await CheckAsync(page, "the site search with a passage " + search);
        await ShotAsync(page, "search-passage" + search.Replace('/', '-'));
        await page.CloseAsync();
    }
}
