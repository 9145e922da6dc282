using Microsoft.Playwright;

namespace Portal.BrowserTests;

/// <summary>
/// The inspiring projects (list, a project, the replication form with its errors) and the cross-border guide (its entry
/// page, a side, the glossary): in both languages, at desktop and phone widths.
/// </summary>
public sealed partial class AccessibilityTests
{
    private static readonly SemaphoreSlim KnowledgeSeed = new(1, 1);
    private static bool _knowledgeSeeded;

    private const string GoodPracticeRecipe = """
        { "name": "browser-good-practice", "steps": [
          { "name": "Recipes", "Values": [ { "name": "knowledge" }, { "name": "cross-border-guide" } ] },
          { "name": "Content", "data": [
          { "ContentItemId": "b-gp-fr", "ContentType": "GoodPractice", "LocalizationSet": "b-gp", "Published": true,
            "TitlePart": { "Title": { "Text": "Café des aidants itinérant" } },
            "GoodPractice": { "Summary": { "Text": "Un café des aidants qui change de quartier chaque mois." }, "Holder": { "ContentItemIds": [ "b-actor-fr" ] },
              "Territory": { "Terms": [ "57463-metz" ] }, "Themes": { "Terms": [ "lien-social" ] }, "Audiences": { "Terms": [ "aidants" ] },
              "Funding": { "Terms": [ "appel-a-agir-93", "commune" ] }, "Budget": { "Text": "5k-20k" },
              "Problem": { "Markdown": "Beaucoup d'aidants ne se reconnaissent pas comme tels." }, "WhatWasDone": { "Markdown": "- Un café mensuel\n- Un binôme pour animer" },
              "Partners": { "Markdown": "Centres sociaux, médiathèques." }, "Results": { "Markdown": "140 participants la première année." },
              "ReplicationStaff": { "Text": "Une psychologue, deux heures par mois" }, "ReplicationCost": { "Text": "12 000 € par an" },
              "ReplicationPartners": { "Text": "Des lieux de quartier" }, "ReplicationTime": { "Text": "Trois mois" },
              "Contact": { "Text": "Responsable de la plateforme" }, "Sample": { "Value": true } },
            "LocalizationPart": { "Culture": { "Text": "fr" } } },
          { "ContentItemId": "b-gp-de", "ContentType": "GoodPractice", "LocalizationSet": "b-gp", "Published": true,
            "TitlePart": { "Title": { "Text": "Wanderndes Angehörigencafé" } },
            "GoodPractice": { "Summary": { "Text": "Ein Angehörigencafé, das jeden Monat das Viertel wechselt." }, "Holder": { "ContentItemIds": [ "b-actor-fr" ] },
              "Territory": { "Terms": [ "57463-metz" ] }, "Themes": { "Terms": [ "lien-social" ] }, "Audiences": { "Terms": [ "aidants" ] },
              "Funding": { "Terms": [ "appel-a-agir-93" ] }, "Budget": { "Text": "5k-20k" },
              "Problem": { "Markdown": "Viele Angehörige sehen sich nicht als pflegende Angehörige." }, "WhatWasDone": { "Markdown": "- Ein monatliches Café\n- Ein Tandem moderiert" },
              "ReplicationStaff": { "Text": "Eine Psychologin, zwei Stunden im Monat" }, "ReplicationTime": { "Text": "Drei Monate" },
              "Contact": { "Text": "Leitung der Plattform" }, "Sample": { "Value": true } },
            "LocalizationPart": { "Culture": { "Text": "de" } } }
        ] } ] }
        """;

    private async Task SeedKnowledgeAsync()
    {
        await KnowledgeSeed.WaitAsync();
        try
        {
            if (_knowledgeSeeded) return;
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"browser-good-practice-{Guid.NewGuid():N}.recipe.json");
            await File.WriteAllTextAsync(path, GoodPracticeRecipe);
            try { await site.RunRecipeAsync(path); } finally { File.Delete(path); }
            _knowledgeSeeded = true;
        }
        finally { KnowledgeSeed.Release(); }
    }

    public static TheoryData<string, string, string, string, string, int> KnowledgePages()
    {
        var data = new TheoryData<string, string, string, string, string, int>();
        foreach (var width in new[] { 1280, 375 })
        {
            data.Add("fr", "/fr/projets-inspirants", "Café des aidants itinérant", "/fr/bien-vieillir-frontiere", "Le bien-vieillir en Sarre (Allemagne)", width);
            data.Add("de", "/de/gute-praxis", "Wanderndes Angehörigencafé", "/de/gut-aelter-werden-grenze", "Gut älter werden im Saarland", width);
        }
        return data;
    }

    [Theory, MemberData(nameof(KnowledgePages))]
    public async Task Good_practice_and_cross_border_guide_pages_have_no_axe_violations_and_fit_the_screen(string culture, string list, string project, string guide, string side, int width)
    {
        await SeedKnowledgeAsync();
        var page = await NewPageAsync(new BrowserNewPageOptions { ViewportSize = new() { Width = width, Height = 900 } });
        await OfflineAsync(page);

        await page.GotoAsync(site.BaseUrl + list);
        await EventCheckAsync(page, $"the inspiring projects {list} at {width}");
        await page.Locator("main a", new() { HasTextString = project }).First.ClickAsync();
        await page.WaitForSelectorAsync("article.good-practice h1");
        await EventCheckAsync(page, $"the project {project} at {width}");
        await ShotAsync(page, $"good-practice-{culture}-{width}");

        // The replication form, sent empty: each error at its field.
        await page.Locator("main a.button").First.ClickAsync();
        await page.WaitForSelectorAsync("#rep-Name");
        await EventCheckAsync(page, $"the replication form {culture} at {width}");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync("#rep-Name-error");
        (await page.Locator("#rep-Email[aria-invalid=true]").CountAsync()).Should().Be(1);
        await EventCheckAsync(page, $"the replication form with errors {culture} at {width}");
        if (width == 1280) await ShotAsync(page, $"good-practice-replicate-errors-{culture}");

        await page.GotoAsync(site.BaseUrl + guide);
        await EventCheckAsync(page, $"the guide {guide} at {width}");
        await page.Locator("main a", new() { HasTextString = side }).First.ClickAsync();
        await page.WaitForSelectorAsync("article.guide-side h1");
        await EventCheckAsync(page, $"the guide page {side} at {width}");
        await ShotAsync(page, $"guide-side-{culture}-{width}");

        // A term of the page leads to its definition in the glossary of the same language.
        var term = page.Locator("ul.glossary-links a").First;
        var href = await term.GetAttributeAsync("href") ?? "";
        href.Should().StartWith($"/{culture}/");
        await term.ClickAsync();
        await page.WaitForURLAsync("**" + href);
        (await page.Locator("#" + href.Split('#')[1]).CountAsync()).Should().Be(1, href);
        await EventCheckAsync(page, $"the glossary {href} at {width}");
        if (width == 1280) await ShotAsync(page, $"glossary-{culture}");
    }
}
