using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Core.BackgroundTasks;
using Portal.Core.Security;
using Portal.Outbox.Services;

namespace Portal.Outbox.Controllers;

/// <summary>/admin/outbox: outgoing mail by status, with its attempts and last error; failed mail resent, unwanted mail discarded.</summary>
[RequirePermission(Permissions.ManageOutbox), Route("admin/outbox")]
public sealed class OutboxController(OutboxMessages outbox, IStringLocalizer<OutboxController> T) : Controller
{
    public sealed record OutboxPage(string Status, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<OutboxMessage> Messages, string? Notice);

    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, CancellationToken cancellationToken)
    {
        var counts = await outbox.CountsAsync(cancellationToken);
        var shown = OutboxMessages.Statuses.FirstOrDefault(s => string.Equals(s, status, StringComparison.OrdinalIgnoreCase))
            ?? (counts.GetValueOrDefault(BackgroundTaskStatus.Failed) > 0 ? BackgroundTaskStatus.Failed : BackgroundTaskStatus.Pending);
        var messages = await outbox.ListAsync(shown, cancellationToken);
        return View("Index", new OutboxPage(shown, counts, messages, TempData["Notice"] as string));
    }

    [HttpPost("{id:long}/resend"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Resend(long id, CancellationToken cancellationToken)
    {
        TempData["Notice"] = await outbox.ResendAsync(id, cancellationToken)
            ? T["The message will be sent again in a moment."].Value
            : T["This message cannot be resent: only failed or discarded messages can."].Value;
        return Redirect("/admin/outbox?status=" + BackgroundTaskStatus.Pending);
    }

    [HttpPost("{id:long}/discard"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Discard(long id, CancellationToken cancellationToken)
    {
        TempData["Notice"] = await outbox.DiscardAsync(id, cancellationToken)
            ? T["The message was discarded: it will not be sent, and stays listed under Discarded."].Value
            : T["This message cannot be discarded: only pending or failed messages can."].Value;
        return Redirect("/admin/outbox?status=" + BackgroundTaskStatus.Discarded);
    }
}
