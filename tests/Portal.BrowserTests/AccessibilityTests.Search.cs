namespace Portal.BrowserTests;

/// <summary>Suggestions as a combobox (open, grouped, announced, keyboard) and the search insights page.</summary>
public sealed partial class AccessibilityTests
{
    [Theory]
    [InlineData("/fr/recherche", "Lieux", "suggestions")]
    [InlineData("/de/suche", "Orte", "Vorschläge")]
    [InlineData("/fr/carte", "Lieux", "suggestions")]
    [InlineData("/de/karte", "Orte", "Vorschläge")]
    public async Task Open_suggestions_are_a_grouped_announced_combobox_without_axe_violations(string url, string placesGroup, string announced)
    {
        await site.WaitForSearchAsync();
        var page = await NewPageAsync();
        await OfflineAsync(page);
        await page.GotoAsync(site.BaseUrl + url);
        await page.WaitForSelectorAsync("#q[role=combobox]");
        await page.FocusAsync("#q");
        await page.Keyboard.TypeAsync("bo");
        await page.WaitForSelectorAsync("#q[aria-expanded=true]");

        var listbox = await page.GetAttributeAsync("#q", "aria-controls");
        (await page.Locator($"#{listbox}[role=listbox] [role=group] [role=option]").CountAsync()).Should().BeGreaterThanOrEqualTo(3);
        (await page.Locator($"#{listbox} .suggest-group-label").AllTextContentsAsync()).Should().Contain(placesGroup);
        (await page.Locator($"#{listbox} [role=option]").AllTextContentsAsync()).Should().Contain(t => t.Contains("Bobigny"));
        await page.WaitForFunctionAsync("() => /\\d+ \\S+/.test(document.getElementById('q-status').textContent)");
        (await page.TextContentAsync("#q-status"))!.Should().EndWith(announced);
        (await ViolationsAsync(page)).Should().BeEmpty("suggestions open on " + url);
        (await page.EvaluateAsync<string[]>("() => window.__cspViolations || []")).Should().BeEmpty();
        await ShotAsync(page, "suggestions" + url.Replace('/', '-'));
    }

    [Fact]
    public async Task A_keyboard_user_moves_through_suggestions_closes_them_with_escape_and_opens_one_with_enter()
    {
        await site.WaitForSearchAsync();
        var page = await NewPageAsync();
        await OfflineAsync(page);
        await page.GotoAsync(site.BaseUrl + "/fr/recherche");
        await page.WaitForSelectorAsync("#q[role=combobox]");
        await page.FocusAsync("#q");
        await page.Keyboard.TypeAsync("bo");
        await page.WaitForSelectorAsync("#q[aria-expanded=true]");
        (await page.Locator("[role=option]").CountAsync()).Should().BeGreaterThan(1);
        (await page.GetAttributeAsync("#q", "aria-activedescendant")).Should().BeNull("nothing is chosen before an arrow key");

        await page.Keyboard.PressAsync("ArrowDown");
        var first = await page.GetAttributeAsync("#q", "aria-activedescendant");
        (await page.GetAttributeAsync($"#{first}", "aria-selected")).Should().Be("true");
        await page.Keyboard.PressAsync("ArrowUp");
        (await page.GetAttributeAsync("#q", "aria-activedescendant")).Should().NotBe(first, "up from the first goes round to the last");
        await page.Keyboard.PressAsync("ArrowDown");
        (await page.GetAttributeAsync("#q", "aria-activedescendant")).Should().Be(first);

        await page.Keyboard.PressAsync("Escape");
        (await page.GetAttributeAsync("#q", "aria-expanded")).Should().Be("false");
        (await page.InputValueAsync("#q")).Should().Be("bo", "escape closes the list and keeps what was typed");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("q");

        await page.Keyboard.TypeAsync("cc");
        await page.WaitForFunctionAsync("() => document.getElementById('q').getAttribute('aria-expanded') === 'true' && document.querySelectorAll('[role=option]').length === 1");
        await page.Keyboard.PressAsync("ArrowDown");
        var option = await page.GetAttributeAsync("#q", "aria-activedescendant");
        (await page.TextContentAsync($"#{option} .suggest-text")).Should().Be("Boccia le mercredi");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/fr/actions/boccia-le-mercredi", new() { WaitUntil = Microsoft.Playwright.WaitUntilState.Commit });
    }

    [Fact]
    public async Task The_search_insights_page_lists_a_query_without_result_with_its_synonym_link_and_has_no_axe_violations()
    {
        await site.WaitForSearchAsync();
        using (var http = new HttpClient()) await http.GetStringAsync(site.BaseUrl + "/api/search?culture=fr&q=parapente");
        var page = await SignedInAsync(SiteServer.AdminEmail);
        for (var i = 0; i < 100; i++)
        {
            await page.GotoAsync(site.BaseUrl + "/admin/search/insights?culture=fr");
            if (await page.Locator("a[href='/admin/search/synonyms?add=parapente&culture=fr']").CountAsync() == 1) break;
            await page.WaitForTimeoutAsync(300);
        }
        (await page.Locator("a[href='/admin/search/synonyms?add=parapente&culture=fr']").CountAsync()).Should().Be(1);
        (await ViolationsAsync(page)).Should().BeEmpty("the insights page");
        await ShotAsync(page, "search-insights-fr");
    }
}
