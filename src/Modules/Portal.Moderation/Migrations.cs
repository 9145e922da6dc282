using Portal.Core.DataMigrations;
using Portal.Moderation.Services;

namespace Portal.Moderation;

/// <summary>The moderation module's data: the workflows are set by recipes; this brings older sites along.</summary>
public sealed class Migrations(WorkflowStore workflows) : DataMigration
{
    /// <summary>Version 1 (four eyes): on sites set up before it, approving needs another person, as the base recipe now says.</summary>
    public override async Task<int> CreateAsync()
    {
        var document = await workflows.GetAsync();
        var approvals = document.Workflows.SelectMany(w => w.Transitions).Where(t => t.Name == "approve").ToList();
        if (approvals.Count == 0) return 1;
        foreach (var transition in approvals) transition.RequiresOtherPerson = true;
        await workflows.SaveAsync(document);
        return 1;
    }
}
