using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Hosting;
using Portal.Core.Localization;
using Portal.Core.Security;
using Portal.Taxonomies.Models;
using Portal.Taxonomies.Services;
using Portal.Taxonomies.ViewModels;

namespace Portal.Taxonomies.Controllers;

[Route("admin/taxonomies"), RequirePermission(Permissions.ManageTaxonomies)]
public sealed class TaxonomyAdminController(VocabularyStore vocabularies, VocabularyValidator validator, Cultures cultures, IStringLocalizer<TaxonomyAdminController> T) : Controller
{
    private const int PageSize = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await vocabularies.ListAsync());

    [HttpGet("{name}")]
    public async Task<IActionResult> Terms(string name, string? q, string? page)
    {
        var vocabulary = await vocabularies.GetAsync(name);
        if (vocabulary is null) return NotFound();
        if (!QueryValues.TryPage(page, out var pageNumber)) return BadRequest(T["The page number must be a whole number from 1 to {0}.", QueryValues.MaxPage].Value);
        if (q?.Length > 100) return BadRequest(T["The search text is too long."].Value);

        var tree = vocabulary.Tree().ToList();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var needle = q.Trim();
            tree = tree.Where(t => t.Term.Label.Texts.Any(l => l.Contains(needle, StringComparison.CurrentCultureIgnoreCase))
                || t.Term.Slug.Contains(needle, StringComparison.OrdinalIgnoreCase)
                || t.Term.Codes.Values.Any(c => c.Equals(needle, StringComparison.OrdinalIgnoreCase))).ToList();
        }
        var pageCount = Math.Max(1, (tree.Count + PageSize - 1) / PageSize);
        return View(new VocabularyTermsViewModel
        {
            Vocabulary = vocabulary, Terms = tree.Skip(QueryValues.Offset(pageNumber, PageSize)).Take(PageSize).ToList(),
            Total = tree.Count, Page = pageNumber, PageCount = pageCount, Query = q, Notice = TempData["Notice"] as string,
        });
    }

    [HttpGet("{name}/terms/new")]
    public async Task<IActionResult> NewTerm(string name, string? parent)
    {
        var vocabulary = await vocabularies.GetAsync(name);
        if (vocabulary is null) return NotFound();
        return View("EditTerm", new TermEditViewModel { Vocabulary = vocabulary, IsNew = true, Parent = parent, Stamp = await vocabularies.StampAsync(name) ?? "" });
    }

    [HttpGet("{name}/terms/{slug}")]
    public async Task<IActionResult> EditTerm(string name, string slug)
    {
        var vocabulary = await vocabularies.GetAsync(name);
        var term = vocabulary?.Find(slug);
        if (vocabulary is null || term is null) return NotFound();
        return View("EditTerm", new TermEditViewModel
        {
            Vocabulary = vocabulary, OriginalSlug = slug, Slug = term.Slug, Labels = Inputs(term.Label), Parent = term.Parent,
            Codes = string.Join("\n", term.Codes.Select(c => $"{c.Key}={c.Value}")), Stamp = await vocabularies.StampAsync(name) ?? "",
        });
    }

    [HttpPost("{name}/terms/new")]
    public Task<IActionResult> CreateTerm(string name, [FromForm] TermForm form) => SaveTermAsync(name, null, form);

    [HttpPost("{name}/terms/{slug}")]
    public Task<IActionResult> UpdateTerm(string name, string slug, [FromForm] TermForm form) => SaveTermAsync(name, slug, form);

    private async Task<IActionResult> SaveTermAsync(string name, string? originalSlug, TermForm form)
    {
        // A copy of its own: the terms are changed below before the save, which may be refused.
        var vocabulary = await vocabularies.GetForEditAsync(name);
        if (vocabulary is null) return NotFound();
        var existing = originalSlug is null ? null : vocabulary.Find(originalSlug);
        if (originalSlug is not null && existing is null) return NotFound();

        var model = new TermEditViewModel
        {
            Vocabulary = vocabulary, IsNew = originalSlug is null, OriginalSlug = originalSlug, Stamp = form.Stamp ?? "",
            Slug = (form.Slug ?? "").Trim(), Labels = cultures.Supported.ToDictionary(c => c, c => Request.Form[TermLabels.InputName(c)].ToString().Trim()),
            Parent = string.IsNullOrWhiteSpace(form.Parent) ? null : form.Parent.Trim(), Codes = form.Codes,
        };
        var codes = ParseCodes(model.Codes, model.Errors);
        if (model.Slug.Length == 0) model.Errors["Slug"] = T["Enter a slug."];
        var label = LocalizedText.FromInputs(cultures, c => model.Labels[c]);
        foreach (var culture in validator.RequiredCultures(vocabulary).Where(c => model.Labels[c].Length == 0))
            model.Errors[TermLabels.InputName(culture)] = T["Enter the {0} label.", T[cultures.EnglishNameOf(culture)]];
        if (model.Errors.Count == 0)
        {
            var term = existing ?? new Term();
            if (existing is null) vocabulary.Terms.Add(term);
            if (existing is not null && existing.Slug != model.Slug)
                foreach (var child in vocabulary.Terms.Where(t => t.Parent == existing.Slug)) child.Parent = model.Slug;
            term.Slug = model.Slug;
            term.Label = label;
            term.Parent = model.Parent;
            term.Codes = codes;
            var result = await vocabularies.SaveAsync(vocabulary, form.Stamp);
            if (result.Succeeded)
            {
                TempData["Notice"] = T["The term “{0}” was saved.", label.For(cultures.Current, cultures)].Value;
                return Redirect($"/admin/taxonomies/{name}");
            }
            foreach (var error in result.Validation.Errors) model.Errors[error.Key.Split('.').Last()] = error.Message;
            if (result.Error == ContentError.Concurrency) model.Message = result.Message;
        }
        Response.StatusCode = model.Message is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        // Show the form against the stored vocabulary, not the one changed above.
        var stored = await vocabularies.ReloadAsync(name) ?? vocabulary;
        return View("EditTerm", new TermEditViewModel
        {
            Vocabulary = stored, IsNew = model.IsNew, OriginalSlug = originalSlug, Stamp = model.Stamp, Slug = model.Slug, Labels = model.Labels,
            Parent = model.Parent, Codes = model.Codes, Message = model.Message,
        }.WithErrors(model.Errors));
    }

    private Dictionary<string, string> Inputs(LocalizedText label) => cultures.Supported.ToDictionary(c => c, c => label.InputFor(c, cultures) ?? "");

    private Dictionary<string, string> ParseCodes(string? text, Dictionary<string, string> errors)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                errors["Codes"] = T["Write one code per line as system=code, for example data-inclusion=seniors."];
            else codes[parts[0]] = parts[1];
        }
        return codes;
    }
}

public sealed class TermForm
{
    public string? Stamp { get; set; }
    public string? Slug { get; set; }
    public string? Parent { get; set; }
    public string? Codes { get; set; }
}

internal static class TermEditViewModelExtensions
{
    public static TermEditViewModel WithErrors(this TermEditViewModel model, Dictionary<string, string> errors)
    {
        foreach (var (key, value) in errors) model.Errors[key] = value;
        return model;
    }
}
