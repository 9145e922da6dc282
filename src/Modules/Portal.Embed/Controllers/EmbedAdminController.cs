using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Core.Security;
using Portal.Embed.Data;
using Portal.Embed.Services;

namespace Portal.Embed.Controllers;

/// <summary>"Intégrations / Einbindungen": the widgets, their use per week, a form with a live preview and the snippets.</summary>
[Route("admin/embed"), RequirePermission(Permissions.ManageEmbeds)]
public sealed class EmbedAdminController(WidgetStore widgets, WidgetUsage usage, IStringLocalizer<EmbedAdminController> T) : Controller
{
    public const int UsageWeeks = 8;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new WidgetListViewModel(await widgets.ListAsync(cancellationToken), await usage.RecentAsync(UsageWeeks, cancellationToken), TempData["Notice"] as string));

    [HttpGet("new")]
    public IActionResult New() => View("Edit", new WidgetEditViewModel(null, new WidgetForm { Display = WidgetDisplay.List, SearchBox = true, Facets = true, PageSize = "10", Palette = Palettes.All[0].Name }, []));

    [HttpPost("new")]
    public async Task<IActionResult> Create(WidgetForm form, CancellationToken cancellationToken)
    {
        var (id, errors) = await widgets.SaveAsync(null, form, cancellationToken);
        if (id is null) return View("Edit", new WidgetEditViewModel(null, form, errors));
        TempData["Notice"] = T["The widget was created: copy its snippet below."].Value;
        return Redirect($"/admin/embed/{id}");
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken) =>
        await widgets.FindAsync(id, cancellationToken) is { } widget
            ? View(new WidgetEditViewModel(widget, WidgetForm.From(widget), [], TempData["Notice"] as string))
            : NotFound();

    [HttpPost("{id}")]
    public async Task<IActionResult> Update(string id, WidgetForm form, CancellationToken cancellationToken)
    {
        if (await widgets.FindAsync(id, cancellationToken) is not { } widget) return NotFound();
        var (saved, errors) = await widgets.SaveAsync(id, form, cancellationToken);
        if (saved is null) return View("Edit", new WidgetEditViewModel(widget, form, errors));
        TempData["Notice"] = T["The widget was saved."].Value;
        return Redirect($"/admin/embed/{id}");
    }

    [HttpPost("{id}/delete")]
    public async Task<IActionResult> Delete(string id, CancellationToken cancellationToken)
    {
        if (!await widgets.DeleteAsync(id, cancellationToken)) return NotFound();
        TempData["Notice"] = T["The widget was deleted: the sites that embed it now show nothing."].Value;
        return Redirect("/admin/embed");
    }
}

public sealed record WidgetListViewModel(IReadOnlyList<EmbedWidget> Widgets, ILookup<string, EmbedUsage> Usage, string? Notice);

public sealed record WidgetEditViewModel(EmbedWidget? Widget, WidgetForm Form, Dictionary<string, string> Errors, string? Notice = null)
{
    public string? Error(string key) => Errors.TryGetValue(key, out var e) ? e : null;
}
