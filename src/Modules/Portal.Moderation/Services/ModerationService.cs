using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Portal.Core.Content;
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
    IContentManager contentManager,
    WorkflowStore workflows,
    PartnerScope partners,
    FourEyes fourEyes,
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

    public async Task<TransitionResult> TransitionAsync(ClaimsPrincipal user, string contentItemId, string transitionName, string? comment)
    {
        var latest = await contentManager.GetAsync(contentItemId, VersionOptions.Latest);
        if (latest is null) return TransitionResult.Fail(T["This item does not exist."], 404);
        return await TransitionAsync(user, latest, transitionName, comment);
    }

    /// <summary>Checks the workflow's rules for this person, then lets the content manager apply the transition to <paramref name="latest"/> (read once by the caller).</summary>
    public async Task<TransitionResult> TransitionAsync(ClaimsPrincipal user, ContentItem latest, string transitionName, string? comment)
    {
        var contentItemId = latest.ContentItemId;
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

        var result = await contentManager.TransitionAsync(latest, ToContent(transition, from),
            new AuditNote(comment, user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name ?? "system"));
        return result.Succeeded ? TransitionResult.Ok()
            : TransitionResult.Fail(result.Message ?? T["The item could not be published."], result.Error == ContentError.Concurrency ? 409 : 400, result.Validation);
    }

    /// <summary>
    /// A visitor's proposal takes the same workflow step as a partner's submission ("submit"): the workflow data says
    /// from where and to which state. Who may propose is the type's setting, checked by the form, not a role.
    /// </summary>
    public async Task<TransitionResult> ProposeAsync(ContentItem draft, AuditNote note)
    {
        var transition = (await workflows.ForTypeAsync(draft.ContentType))?.Transition(Submit);
        if (transition is null) return TransitionResult.Fail(T["The workflow of this item has no step '{0}'.", Submit], 400);
        var from = StateOf(draft);
        if (!transition.From.Contains(from)) return TransitionResult.Fail(T["This item is {0}: '{1}' cannot be done now.", StateLabel(from), Submit], 409);
        var result = await contentManager.TransitionAsync(draft, ToContent(transition, from), note with { Action = ModerationAudit.Proposed });
        return result.Succeeded ? TransitionResult.Ok() : TransitionResult.Fail(result.Message ?? "", 400, result.Validation);
    }

    public const string Submit = "submit";

    /// <summary>The kernel's view of a step of this workflow: reaching Published publishes, reaching Archived withdraws.</summary>
    public static ContentTransition ToContent(WorkflowTransition transition, string from) =>
        new(transition.Name, from, transition.To, Publishes: transition.To == WorkflowStates.Published, Unpublishes: transition.To == WorkflowStates.Archived);

    /// <summary>A line of the history: a workflow transition or a change the audit trail recorded, in words.</summary>
    public string ActionLabel(string action) => action switch
    {
        AuditActions.Created => T["created"],
        AuditActions.Saved => T["saved"],
        AuditActions.Published => T["published"],
        AuditActions.Unpublished => T["unpublished"],
        AuditActions.Removed => T["removed"],
        ModerationAudit.Verified => T["verified"],
        ModerationAudit.Reminded => T["reminded"],
        ModerationAudit.WithdrawalRequested => T["withdrawal requested"],
        AuditActions.Restored => T["restored"],
        ModerationAudit.Proposed => T["proposed"],
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
