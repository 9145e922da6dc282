namespace Portal.BrowserTests;

/// <summary>The pages a search that had to loosen or place itself shows: relaxed words, results around a place, the map around it, place suggestions.</summary>
public sealed partial class AccessibilityTests
{
    public static TheoryData<string, string, int> LoosenedPages()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var width in new[] { 1280, 375 })
        {
            data.Add("/fr/recherche?q=boccia+zzqqxx", "#search-help .relaxation", width);
            data.Add("/de/suche?q=boccia+zzqqxx", "#search-help .relaxation", width);
            data.Add("/fr/recherche?q=boccia&place=Bobigny", "#search-place-notice", width);
            data.Add("/de/suche?q=boccia&place=Bobigny", "#search-place-notice", width);
            data.Add("/fr/recherche?q=boccia&lat=48.91&lon=2.44&radius=25", "#search-place-notice", width);
            data.Add("/fr/carte?place=Bobigny", "#search-place", width);
            data.Add("/de/karte?place=Bobigny&radius=10", "#search-place", width);
        }
        return data;
    }

    [Theory, MemberData(nameof(LoosenedPages))]
    public async Task Relaxed_and_placed_results_say_so_and_have_no_axe_violations(string url, string notice, int width)
    {
        await site.WaitForSearchAsync();
        var page = await NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
        await OfflineAsync(page);
        await page.GotoAsync(site.BaseUrl + url);
        if (url.Contains("/carte") || url.Contains("/karte"))
        {
            await MapIntoViewAsync(page); // at 375 px the map is below the filters: its code comes when it is about to be seen
            await page.WaitForFunctionAsync("() => document.getElementById('map').dataset.count !== undefined");
        }
        (await page.Locator(notice).CountAsync()).Should().Be(1, url + " says how it searched");
        if (notice == "#search-place") (await page.InputValueAsync(notice)).Should().Be("Bobigny", "the map keeps the place asked for");
        else (await page.Locator(notice).InnerTextAsync()).Should().NotBeNullOrWhiteSpace();
        (await ViolationsAsync(page)).Should().BeEmpty(url);
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1")).Should().BeTrue(url + " fits the screen");
        if (width == 1280) await ShotAsync(page, "loosened" + url.Replace('/', '-').Replace('?', '-').Replace('&', '-').Replace('=', '-').Replace('+', '-'));
    }

    [Theory]
    [InlineData("/fr/recherche", "Commune")]
    [InlineData("/de/suche", "Gemeinde")]
    public async Task The_place_field_suggests_places_as_a_combobox_without_axe_violations(string url, string kind)
    {
        await site.WaitForSearchAsync();
        var page = await NewPageAsync();
        await OfflineAsync(page);
        await page.GotoAsync(site.BaseUrl + url);
        await page.WaitForSelectorAsync("#search-place[role=combobox]");
        await page.FocusAsync("#search-place");
        await page.Keyboard.TypeAsync("Bobi");
        await page.WaitForSelectorAsync("#search-place[aria-expanded=true]");
        var listbox = await page.GetAttributeAsync("#search-place", "aria-controls");
        (await page.Locator($"#{listbox} [role=option]").AllTextContentsAsync()).Should().Contain(t => t.Contains("Bobigny") && t.Contains(kind));
        (await ViolationsAsync(page)).Should().BeEmpty("place suggestions open on " + url);
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        (await page.InputValueAsync("#search-place")).Should().Be("Bobigny", "choosing a place fills the field");
    }
}
