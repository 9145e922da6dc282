using Microsoft.Playwright;

namespace Portal.BrowserTests;

/// <summary>Printing: an entry prints without menus or buttons but with its address and the date; the printable list of a search passes axe.</summary>
public sealed partial class AccessibilityTests
{
    [Fact]
    public async Task An_entry_and_the_printable_list_print_cleanly_with_address_and_date()
    {
        await site.WaitForSearchAsync();
        var page = await NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await OfflineAsync(page);
        await page.GotoAsync(site.BaseUrl + "/fr/acteurs/handisport-bobigny");
        await page.WaitForSelectorAsync("[data-print]:not([hidden])");
        (await ViolationsAsync(page)).Should().BeEmpty();
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        (await page.IsVisibleAsync(".page-tools")).Should().BeFalse("buttons are not printed");
        (await page.IsVisibleAsync(".main-menu")).Should().BeFalse();
        (await page.TextContentAsync(".print-source"))!.Should().Contain(site.BaseUrl + "/fr/acteurs/handisport-bobigny").And.Contain("Imprimé depuis");
        (await page.IsVisibleAsync(".print-source")).Should().BeTrue();
        await ShotAsync(page, "print-entry-fr");

        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Screen });
        await page.GotoAsync(site.BaseUrl + "/de/suche?q=Bobigny");
        await page.ClickAsync(".print-link a");
        await page.WaitForURLAsync("**/de/suche/drucken?q=Bobigny");
        (await page.Locator(".print-entry").CountAsync()).Should().BeGreaterThan(0);
        (await ViolationsAsync(page)).Should().BeEmpty();
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        (await page.IsVisibleAsync(".print-actions")).Should().BeFalse();
        await ShotAsync(page, "print-list-de");
        await page.CloseAsync();
    }
}
