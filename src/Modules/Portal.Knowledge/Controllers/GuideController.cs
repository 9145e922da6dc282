using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Localization;
using Portal.Knowledge.Services;
using Portal.Knowledge.ViewModels;

namespace Portal.Knowledge.Controllers;

/// <summary>The cross-border guide's entry page (a link per side) and the glossary of equivalent notions, per culture.</summary>
[AllowAnonymous]
public sealed class GuideController(PortalDbContext db, Glossary glossary, Cultures cultures) : Controller
{
    [HttpGet("/{culture:culture}/{segment:localized(cross-border-guide)}")]
    public async Task<IActionResult> Index(string culture, string segment)
    {
        var path = KnowledgeTypes.PathOf(KnowledgeTypes.Guide, culture);
        if (KnowledgeTypes.Routes.Segment(KnowledgeTypes.Guide, culture) != segment) return RedirectPermanent(path);
        var items = await db.ContentItems.AsNoTracking()
            .Where(i => i.ContentType == KnowledgeTypes.GuideSide && i.Published && i.Culture == culture && i.Path != null).Take(50).ToListAsync();
        var sides = items.Select(i => (Side: i.Field(KnowledgeTypes.GuideSide, "Side")?["Text"]?.GetValue<string>() ?? "", i.DisplayText, Url: $"/{culture}/{i.Path}",
                Intro: Markdig.Markdown.ToPlainText(i.Field(KnowledgeTypes.GuideSide, "Introduction")?["Markdown"]?.GetValue<string>() ?? "").Trim()))
            .OrderBy(s => GuideSides.OrderOf(s.Side)).ThenBy(s => s.DisplayText, StringComparer.CurrentCulture)
            .Select(s => (s.Side, s.DisplayText, s.Url, s.Intro.Length > 0 ? s.Intro : null)).ToList();
        ViewData["Alternates"] = cultures.Supported.ToDictionary(c => c, c => KnowledgeTypes.PathOf(KnowledgeTypes.Guide, c));
        return View(new GuideIndexViewModel(culture, sides));
    }

    [HttpGet("/{culture:culture}/{segment:localized(glossary)}")]
    public async Task<IActionResult> Glossary(string culture, string segment)
    {
        var path = KnowledgeTypes.PathOf(KnowledgeTypes.Glossary, culture);
        if (KnowledgeTypes.Routes.Segment(KnowledgeTypes.Glossary, culture) != segment) return RedirectPermanent(path);
        ViewData["Alternates"] = cultures.Supported.ToDictionary(c => c, c => KnowledgeTypes.PathOf(KnowledgeTypes.Glossary, c));
        return View(new GlossaryViewModel(culture, await glossary.ConceptsAsync()));
    }
}
