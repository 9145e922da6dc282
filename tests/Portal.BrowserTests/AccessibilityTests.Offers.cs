namespace Portal.BrowserTests;

public sealed partial class AccessibilityTests
{
    public static TheoryData<string, int, string> OfferPages()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var width in new[] { 1280, 375 })
        {
            data.Add("/fr/aidants/cafe-des-aidants-de-bobigny", width, "Contact de l'organisation|lundi, mercredi, vendredi|14 h – 18 h|jours fériés");
            data.Add("/de/angehoerige/angehorigencafe-bobigny", width, "Kontakt der Einrichtung|Montag, Mittwoch, Freitag|14–18 Uhr|Feiertage");
        }
        return data;
    }

    [Theory, MemberData(nameof(OfferPages))]
    public async Task An_offer_page_shows_its_organisations_contact_and_its_hours_in_the_pages_language_without_axe_violations(string url, int width, string expected)
    {
        var page = await NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
        await OfflineAsync(page);
        await page.GotoAsync(site.BaseUrl + url);
        await page.Locator("table.hours-table").WaitForAsync(new() { Timeout = 30_000 });
        var text = await page.InnerTextAsync("main");
        foreach (var part in expected.Split('|')) text.Should().Contain(part, url);
        (await page.Locator("a[href='tel:+33199001020']").CountAsync()).Should().Be(1);
        if (url.StartsWith("/fr/", StringComparison.Ordinal)) (await page.Locator("a[href^='geo:']").CountAsync()).Should().Be(1, "the French offer takes its organisation's place");
        (await ViolationsAsync(page)).Should().BeEmpty(url);
        (await WrongLanguageWordsAsync(page)).Should().BeEmpty("text in the other language is marked with its own lang");
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1")).Should().BeTrue($"{url} fits {width} px");
        await ShotAsync(page, $"offer-{url[1..3]}-{width}");
        await page.CloseAsync();
    }
}
