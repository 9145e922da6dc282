using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Localization;

namespace Portal.Moderation.Services;

/// <summary>The back office's words for the workflow's states ("En relecture") and steps ("envoyer en relecture"), from the PO files.</summary>
public sealed class WorkflowLabels(PoCatalog catalog, IStringLocalizer<WorkflowLabels> T) : IWorkflowLabels
{
    /// <summary>State names have their own PO context: "Published" names a state here, not a button.</summary>
    public const string StateContext = "workflow state";

    private readonly PoStringLocalizer _states = new(catalog, StateContext);

    public string? State(string state) => state switch
    {
        WorkflowStates.Draft => _states["Draft"].Value,
        WorkflowStates.InReview => _states["In review"].Value,
        WorkflowStates.ChangesRequested => _states["Changes requested"].Value,
        WorkflowStates.Published => _states["Published"].Value,
        WorkflowStates.Archived => _states["Archived"].Value,
        WorkflowStates.Rejected => _states["Rejected"].Value,
        _ => null,
    };

    public string? Step(string action) => action switch
    {
        ModerationAudit.Verified => T["verified"].Value,
        ModerationAudit.Reminded => T["reminded"].Value,
        ModerationAudit.WithdrawalRequested => T["withdrawal requested"].Value,
        ModerationAudit.Proposed => T["proposed"].Value,
        ModerationAudit.OrganisationLinked => T["organisation linked"].Value,
        "submit" => T["submit for review"].Value,
        "approve" => T["approve and publish"].Value,
        "request-changes" => T["request changes"].Value,
        "reject" => T["reject"].Value,
        "archive" => T["archive"].Value,
        "reopen" => T["reopen as a draft"].Value,
        _ => null,
    };
}
