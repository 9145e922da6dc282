using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;
using Portal.Core.Localization;
using Portal.Core.Security;
using Portal.Search.Synonyms;
using Portal.Search.ViewModels;

namespace Portal.Search.Controllers;

/// <summary>
/// /admin/search/synonyms: the synonym groups per culture, to list, add, change and delete. The list's add form can be
/// prefilled from a link: <c>?add=words&amp;culture=fr</c> (e.g. from a search that found nothing).
/// </summary>
[RequirePermission(Permissions.ManageSynonyms)]
public sealed class SynonymAdminController(SynonymStore store, Cultures cultures, IStringLocalizer<SynonymAdminController> T) : Controller
{
    public const string BasePath = "/admin/search/synonyms";
    private const int PageSize = 100;

    [HttpGet(BasePath)]
    public async Task<IActionResult> Index(string? culture, string? q, string? page, string? add)
    {
        if (!QueryValues.TryPage(page, out var pageNumber)) return BadRequest(T["The page number must be a whole number from 1 to {0}.", QueryValues.MaxPage].Value);
        if (q?.Length > 100 || add?.Length > 1000) return BadRequest(T["The search text is too long."].Value);
        var form = new SynonymFormModel { Culture = IsCulture(culture) ? culture! : cultures.Current, Terms = add ?? "" };
        return View("Index", await ListAsync(culture, q, pageNumber, form));
    }

    [HttpPost(BasePath)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Create([FromForm] SynonymFormModel form)
    {
        if (await SaveAsync(null, form) is { } saved) return saved;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", await ListAsync(form.Culture, null, 1, form));
    }

    [HttpGet(BasePath + "/{id}")]
    public async Task<IActionResult> Edit(string id)
    {
        if (await store.FindAsync(id) is not { } group) return NotFound();
        var terms = string.Join("\n", group.Terms);
        return View("Edit", new SynonymFormModel { Id = id, Culture = group.Culture, Terms = terms, Original = terms });
    }

    [HttpPost(BasePath + "/{id}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Update(string id, [FromForm] SynonymFormModel form)
    {
        if (await store.FindAsync(id) is not { } stored) return NotFound();
        form.Id = id;
        var current = string.Join("\n", stored.Terms);
        if (form.Original is not null && SynonymRules.Split(form.Original).SequenceEqual(SynonymRules.Split(current)) is false)
        {
            form.Message = T["Someone changed this group meanwhile: it now reads “{0}”. Check your change and save again.", string.Join(", ", stored.Terms)];
            form.Original = current;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Edit", form);
        }
        if (await SaveAsync(id, form) is { } saved) return saved;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Edit", form);
    }

    [HttpPost(BasePath + "/{id}/delete")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Delete(string id)
    {
        if (await store.FindAsync(id) is not { } group) return NotFound();
        await store.DeleteAsync(id);
        TempData["Notice"] = T["The group “{0}” was deleted.", string.Join(", ", group.Terms)].Value;
        return Redirect(BasePath + "?culture=" + Uri.EscapeDataString(group.Culture));
    }

    /// <summary>Saves the form; the redirect to the list when it was saved, null with the form's errors set when not.</summary>
    private async Task<IActionResult?> SaveAsync(string? id, SynonymFormModel form)
    {
        form.Culture = (form.Culture ?? "").Trim();
        form.Terms ??= "";
        var group = new SynonymGroup { Id = id ?? "", Culture = form.Culture, Terms = SynonymRules.Split(form.Terms) };
        var errors = await store.SaveAsync(group);
        if (errors.Count == 0)
        {
            TempData["Notice"] = T["The group “{0}” was saved. Searches use it from now on.", string.Join(", ", group.Terms)].Value;
            return Redirect(BasePath + "?culture=" + Uri.EscapeDataString(group.Culture));
        }
        foreach (var error in errors) form.Errors[error.Field] = Describe(error);
        return null;
    }

    private string Describe(SynonymError error) => error.Problem switch
    {
        SynonymProblem.UnknownCulture => T["Choose the language the group applies to."],
        SynonymProblem.TooFewTerms => T["Enter at least two different words or expressions, one per line or separated by commas."],
        SynonymProblem.TooManyTerms => T["A group has at most {0} expressions: split it into several groups.", SynonymRules.MaxTerms],
        SynonymProblem.TermTooLong => T["“{0}…” is too long: an expression has at most {1} characters.", error.Detail ?? "", SynonymRules.MaxTermLength],
        SynonymProblem.TermWithoutWords => T["“{0}” has no word a search can use (only short common words or punctuation).", error.Detail ?? ""],
        SynonymProblem.SameGroupExists => T["The same group already exists for this language."],
        _ => error.Problem.ToString(),
    };

    private bool IsCulture(string? culture) => culture == SynonymGroup.EveryCulture || cultures.IsSupported(culture);

    private async Task<SynonymListViewModel> ListAsync(string? culture, string? q, int page, SynonymFormModel form)
    {
        var groups = (await store.ListAsync()).AsEnumerable();
        var filter = IsCulture(culture) ? culture : null;
        if (filter is not null) groups = groups.Where(g => g.Culture == filter);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var needle = Engine.TextFolding.Fold(q.Trim());
            groups = groups.Where(g => g.Terms.Any(t => Engine.TextFolding.Fold(t).Contains(needle, StringComparison.Ordinal)));
        }
        var list = groups.OrderBy(g => g.Culture, StringComparer.Ordinal).ThenBy(g => Engine.TextFolding.Fold(g.Terms.FirstOrDefault() ?? ""), StringComparer.Ordinal).ToList();
        return new SynonymListViewModel
        {
            Groups = list.Skip(QueryValues.Offset(page, PageSize)).Take(PageSize).ToList(), Total = list.Count, Page = page,
            PageCount = Math.Max(1, (list.Count + PageSize - 1) / PageSize), Culture = filter, Query = q, Form = form, Notice = TempData["Notice"] as string,
        };
    }
}
