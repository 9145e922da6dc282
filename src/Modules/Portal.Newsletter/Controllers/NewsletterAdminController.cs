using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Localization;
using Portal.Core.Security;
using Portal.Newsletter.Data;
using Portal.Newsletter.Models;
using Portal.Newsletter.Services;

namespace Portal.Newsletter.Controllers;

/// <summary>The composer: editions (title, introduction, picked content per language), preview, test, send and its counts.</summary>
[Route("admin/newsletter"), RequirePermission(Permissions.ManageNewsletter)]
public sealed class NewsletterAdminController(Editions editions, EditionDispatch dispatch, EditionContent content, NewsletterDbContext newsletter,
    Cultures cultures, IStringLocalizer<NewsletterAdminController> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var list = new List<(Edition, DispatchCounts)>();
        foreach (var edition in await editions.ListAsync(cancellationToken)) list.Add((edition, await dispatch.CountsAsync(edition.Id, cancellationToken)));
        var subscribers = await newsletter.Subscribers.CountAsync(s => s.Status == SubscriberStatus.Confirmed, cancellationToken);
        return View(new EditionListViewModel(list, subscribers, TempData["Notice"] as string));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(string? q, CancellationToken cancellationToken) =>
        await EditorAsync(null, new EditionForm { Sections = cultures.Supported.ToDictionary(c => c, _ => new EditionSection()), Audiences = [.. NewsletterAudiences.All] },
            new Dictionary<string, string>(), q, cancellationToken);

    [HttpPost("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var form = EditionForm.Read(Request.Form, cultures);
        var errors = form.Validate(T, cultures);
        if (errors.Count > 0) return await EditorAsync(null, form, errors, null, cancellationToken, bad: true);
        var edition = await editions.SaveAsync(null, form.Sections, form.Audiences, User.Identity?.Name ?? "");
        TempData["Notice"] = T["The edition was saved."].Value;
        return Redirect($"/admin/newsletter/{edition!.Id}");
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id, string? q, CancellationToken cancellationToken)
    {
        if (await editions.FindAsync(id, cancellationToken) is not { } edition) return NotFound();
        var form = new EditionForm { Sections = Services.Editions.SectionsOf(edition), Audiences = [.. NewsletterAudiences.Parse(edition.Audiences)] };
        return await EditorAsync(edition, form, new Dictionary<string, string>(), q, cancellationToken, notice: TempData["Notice"] as string);
    }

    [HttpPost("{id}")]
    public async Task<IActionResult> Update(string id, CancellationToken cancellationToken)
    {
        if (await editions.FindAsync(id, cancellationToken) is not { } edition) return NotFound();
        var form = EditionForm.Read(Request.Form, cultures);
        var errors = form.Validate(T, cultures);
        if (errors.Count > 0 || edition.Status != EditionStatus.Draft)
        {
            if (edition.Status != EditionStatus.Draft) errors["Edition"] = T["This edition has been sent: it can no longer change."];
            return await EditorAsync(edition, form, errors, null, cancellationToken, bad: true);
        }
        await editions.SaveAsync(edition, form.Sections, form.Audiences, User.Identity?.Name ?? "");
        TempData["Notice"] = T["The edition was saved."].Value;
        return Redirect($"/admin/newsletter/{id}");
    }

    /// <summary>The HTML of the mail in one language, as subscribers will see it.</summary>
    [HttpGet("{id}/preview/{culture}")]
    public async Task<IActionResult> Preview(string id, string culture, [FromServices] EditionMail mail, [FromServices] SubscriberLinks links, CancellationToken cancellationToken)
    {
        if (!cultures.IsSupported(culture) || await editions.FindAsync(id, cancellationToken) is not { } edition) return NotFound();
        if (await editions.ViewAsync(edition, culture, cancellationToken) is not { } view) return NotFound();
        var signUp = links.SignUp(culture);
        var (_, text, html) = mail.Render(view, new RecipientLinks(signUp, signUp));
        Response.Headers.CacheControl = "no-store";
        return Request.Query["format"] == "text" ? Content(text, "text/plain; charset=utf-8") : Content(html, "text/html; charset=utf-8");
    }

    [HttpPost("{id}/test")]
    public async Task<IActionResult> Test(string id, CancellationToken cancellationToken)
    {
        if (await editions.FindAsync(id, cancellationToken) is not { } edition) return NotFound();
        var test = TestForm.Read(Request.Form);
        var errors = test.Validate(T, cultures);
        if (errors.Count == 0 && !await dispatch.SendTestAsync(edition, test.Language, test.Address, cancellationToken))
            errors["Language"] = T["Give the edition a title in this language first."];
        if (errors.Count > 0)
        {
            var form = new EditionForm { Sections = Services.Editions.SectionsOf(edition), Audiences = [.. NewsletterAudiences.Parse(edition.Audiences)] };
            return await EditorAsync(edition, form, new Dictionary<string, string>(), null, cancellationToken, test: test, testErrors: errors, bad: true);
        }
        TempData["Notice"] = T["A test was sent to {0}.", test.Address].Value;
        return Redirect($"/admin/newsletter/{id}");
    }

    [HttpPost("{id}/send")]
    public async Task<IActionResult> Send(string id, CancellationToken cancellationToken)
    {
        if (await editions.FindAsync(id, cancellationToken) is not { } edition) return NotFound();
        if (dispatch.MissingLanguages(edition) is { Count: > 0 } missing)
        {
            TempData["Notice"] = T["Give the edition a title in every language before sending it (missing: {0}).", string.Join(", ", missing.Select(cultures.NameOf))].Value;
            return Redirect($"/admin/newsletter/{id}");
        }
        TempData["Notice"] = await dispatch.StartAsync(edition, cancellationToken)
            ? T["Sending has started: the mails leave in batches through the outbox."].Value
            : T["This edition has been sent already."].Value;
        return Redirect($"/admin/newsletter/{id}");
    }

    private async Task<IActionResult> EditorAsync(Edition? edition, EditionForm form, Dictionary<string, string> errors, string? q, CancellationToken cancellationToken,
        string? notice = null, TestForm? test = null, Dictionary<string, string>? testErrors = null, bool bad = false)
    {
        if (q?.Length > 100) q = q[..100];
        var choices = new Dictionary<string, List<EditionItem>>();
        foreach (var culture in cultures.Supported)
        {
            var picked = await content.GetAsync(form.Sections.GetValueOrDefault(culture)?.Items ?? [], cancellationToken);
            var found = await content.SearchAsync(culture, q, cancellationToken: cancellationToken);
            choices[culture] = [.. picked, .. found.Where(f => picked.All(p => p.ContentItemId != f.ContentItemId))];
        }
        var counts = edition is null || edition.Status == EditionStatus.Draft ? null : await dispatch.CountsAsync(edition.Id, cancellationToken);
        var missing = edition is null ? cultures.Supported.ToList() : dispatch.MissingLanguages(edition);
        if (bad) Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
        return View("Edit", new EditionEditViewModel(edition, form, errors, choices, q, counts, missing, test ?? new TestForm("", cultures.Current),
            testErrors ?? new Dictionary<string, string>(), notice));
    }
}
