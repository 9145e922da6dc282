using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Security;

namespace Portal.Moderation.Services;

public sealed record TransitionResult(bool Succeeded, string? Error = null, int StatusCode = 200, ContentValidationResult? Validation = null)
{
    /// <summary>Refused by four eyes: the person wrote the version, another one must take the transition.</summary>
    public bool NeedsAnotherPerson { get; init; }

    public static TransitionResult Ok() => new(true);
    public static TransitionResult Fail(string error, int status = 400, ContentValidationResult? validation = null) => new(false, error, status, validation);
}

/// <summary>
/// The one service that moves an item along its workflow: checks that the transition exists from the item's state,
/// that the person's role may take it (and, for partners, that the item is theirs), that a reason is given where one is
/// required; applies it through the content manager; records who, when, from, to and why; and tells whom it concerns.
/// </summary>
public sealed class ModerationService(
    PortalDbContext db,
    IContentManager contentManager,
    WorkflowStore workflows,
    PartnerScope partners,
    FourEyes fourEyes,
    ModerationMails mails,
    TimeProvider clock,
    IStringLocalizer<ModerationService> T,
    ILogger<ModerationService> logger)
{
    /// <summary>The state of an item: its latest version's workflow status, Published when the latest is the published one.</summary>
    public static string StateOf(ContentItem latest) => latest.Published ? WorkflowStates.Published
        : latest.Status == ContentStatus.Unpublished ? WorkflowStates.Archived
        : WorkflowStates.All.Contains(latest.Status) ? latest.Status : WorkflowStates.Draft;

    /// <summary>The transitions this person may take on the item now.</summary>
    public async Task<IReadOnlyList<WorkflowTransition>> AvailableAsync(ClaimsPrincipal user, ContentItem latest) =>
        (await ChoicesAsync(user, latest)).Where(c => !c.Withheld).Select(c => c.Transition).ToList();

    /// <summary>The transitions the person's role allows but four eyes withholds: they wrote this version.</summary>
    public async Task<IReadOnlyList<WorkflowTransition>> WithheldAsync(ClaimsPrincipal user, ContentItem latest) =>
        (await ChoicesAsync(user, latest)).Where(c => c.Withheld).Select(c => c.Transition).ToList();

    private async Task<List<(WorkflowTransition Transition, bool Withheld)>> ChoicesAsync(ClaimsPrincipal user, ContentItem latest)
    {
        var workflow = await workflows.ForTypeAsync(latest.ContentType);
        if (workflow is null) return [];
        var state = StateOf(latest);
        var result = new List<(WorkflowTransition, bool)>();
        foreach (var transition in workflow.Transitions.Where(t => t.From.Contains(state)))
            if (await MayTakeAsync(user, latest, transition)) result.Add((transition, await fourEyes.WithholdsAsync(user, latest, workflow, transition)));
        return result;
    }

    private async Task<bool> MayTakeAsync(ClaimsPrincipal user, ContentItem item, WorkflowTransition transition)
    {
        if (user.IsInRole(Roles.Administrator)) return true;
        foreach (var role in transition.Roles.Where(user.IsInRole))
        {
            // A partner acts on their own organisation's items only; staff roles on any.
            if (role != "Partner" || await partners.OwnsAsync(user, item)) return true;
        }
        return false;
    }

    public async Task<TransitionResult> TransitionAsync(ClaimsPrincipal user, string contentItemId, string transitionName, string? comment, bool ownTransaction = true)
    {
        var latest = await contentManager.GetAsync(contentItemId, VersionOptions.Latest);
        if (latest is null) return TransitionResult.Fail(T["This item does not exist."], 404);
        var workflow = await workflows.ForTypeAsync(latest.ContentType);
        var transition = workflow?.Transition(transitionName);
        if (workflow is null || transition is null) return TransitionResult.Fail(T["The workflow of this item has no step '{0}'.", transitionName], 400);
        var from = StateOf(latest);
        if (!transition.From.Contains(from)) return TransitionResult.Fail(T["This item is {0}: '{1}' cannot be done now.", StateLabel(from), transitionName], 409);
        if (!await MayTakeAsync(user, latest, transition))
        {
            logger.LogWarning("{User} may not take the transition {Transition} on {Item}", user.Identity?.Name, transitionName, contentItemId);
            return TransitionResult.Fail(T["You may not do this."], 403);
        }
        if (await fourEyes.WithholdsAsync(user, latest, workflow, transition))
        {
            logger.LogWarning("{User} may not take the transition {Transition} on {Item}: they edited or submitted this version", user.Identity?.Name, transitionName, contentItemId);
            return TransitionResult.Fail(T["You edited or submitted this version: another person must approve it."], 403) with { NeedsAnotherPerson = true };
        }
        comment = comment?.Trim();
        if (transition.CommentRequired && string.IsNullOrEmpty(comment))
            return TransitionResult.Fail(T["Say why: a comment is required to {0}.", TransitionLabel(transition.Name)], 400);
        if (comment?.Length > 4000) return TransitionResult.Fail(T["The comment is too long (at most {0} characters).", 4000], 400);

        await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync() : null;
        var result = await ApplyAsync(latest, transition.To);
        if (!result.Succeeded) return result;
        latest = (await contentManager.GetAsync(contentItemId, VersionOptions.Latest))!;
        db.AuditEntries.Add(new AuditEntry
        {
            ContentItemId = contentItemId,
            ContentItemVersionId = latest.ContentItemVersionId,
            ContentType = latest.ContentType,
            Action = transition.Name,
            FromState = from,
            ToState = transition.To,
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = user.Identity?.Name ?? "system",
            Comment = string.IsNullOrEmpty(comment) ? null : comment,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        await mails.TransitionAsync(latest, transition, from, comment);
        await db.SaveChangesAsync();
        if (transaction is not null) await transaction.CommitAsync();
        return TransitionResult.Ok();
    }

    /// <summary>Puts the latest version in the target state; publishing goes through the content manager's checks.</summary>
    private async Task<TransitionResult> ApplyAsync(ContentItem latest, string to)
    {
        switch (to)
        {
            case WorkflowStates.Published:
                var published = await contentManager.PublishAsync(latest.ContentItemId);
                return published.Succeeded ? TransitionResult.Ok() : TransitionResult.Fail(published.Message ?? T["The item could not be published."], 400, published.Validation);
            case WorkflowStates.Archived:
                if (latest.Published)
                {
                    var unpublished = await contentManager.UnpublishAsync(latest.ContentItemId);
                    if (!unpublished.Succeeded) return TransitionResult.Fail(unpublished.Message ?? "", 400);
                }
                break;
        }
        var row = await db.ContentItems.SingleAsync(i => i.ContentItemId == latest.ContentItemId && i.Latest);
        if (to != WorkflowStates.Published)
        {
            // The version stays in the table whatever happens to it: a rejected proposal keeps its text and its reason.
            row.Status = to;
            row.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            row.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        }
        return TransitionResult.Ok();
    }

    /// <summary>A line of the history: a workflow transition or a change the audit trail recorded, in words.</summary>
    public string ActionLabel(string action) => action switch
    {
        AuditActions.Created => T["created"],
        AuditActions.Saved => T["saved"],
        AuditActions.Published => T["published"],
        AuditActions.Unpublished => T["unpublished"],
        AuditActions.Removed => T["removed"],
        AuditActions.Verified => T["verified"],
        AuditActions.Reminded => T["reminded"],
        AuditActions.WithdrawalRequested => T["withdrawal requested"],
        AuditActions.Restored => T["restored"],
        AuditActions.Proposed => T["proposed"],
        _ => TransitionLabel(action),
    };

    public string StateLabel(string state) => state switch
    {
        WorkflowStates.Draft => T["draft"],
        WorkflowStates.InReview => T["in review"],
        WorkflowStates.ChangesRequested => T["changes requested"],
        WorkflowStates.Published => T["published"],
        WorkflowStates.Archived => T["archived"],
        WorkflowStates.Rejected => T["rejected"],
        _ => state,
    };

    public string TransitionLabel(string name) => name switch
    {
        "submit" => T["submit for review"],
        "approve" => T["approve and publish"],
        "request-changes" => T["request changes"],
        "reject" => T["reject"],
        "archive" => T["archive"],
        "reopen" => T["reopen as a draft"],
        _ => name,
    };
}
