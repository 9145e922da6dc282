using System.Text.Json;
using Portal.Core.Content;
using Portal.Core.Recipes;
using Portal.Core.Settings;

namespace Portal.Moderation.Services;

/// <summary>The states an item's latest version can be in.</summary>
public static class WorkflowStates
{
    public const string Draft = ContentStatus.Draft;
    public const string InReview = "InReview";
    public const string ChangesRequested = "ChangesRequested";
    public const string Published = ContentStatus.Published;
    public const string Archived = "Archived";
    public const string Rejected = "Rejected";

    public static readonly string[] All = [Draft, InReview, ChangesRequested, Published, Archived, Rejected];
}

/// <summary>A transition: from which states, to which, who may take it, and whether it needs a reason.</summary>
public sealed class WorkflowTransition
{
    public string Name { get; set; } = "";
    public List<string> From { get; set; } = [];
    public string To { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public bool CommentRequired { get; set; }
    /// <summary>Four eyes: whoever edited or submitted the version may not take this transition (unless the workflow allows self-approval).</summary>
    public bool RequiresOtherPerson { get; set; }
}

public sealed class WorkflowDefinition
{
    public string Name { get; set; } = "";
    public List<string> ContentTypes { get; set; } = [];
    public List<WorkflowTransition> Transitions { get; set; } = [];
    /// <summary>Set by an administrator: the transitions that need another person may be taken on one's own work.</summary>
    public bool AllowSelfApproval { get; set; }

    public WorkflowTransition? Transition(string name) => Transitions.FirstOrDefault(t => t.Name == name);
}

public sealed class WorkflowDocument
{
    public List<WorkflowDefinition> Workflows { get; set; } = [];
}

/// <summary>The workflows, as data in the document store, set by the Workflow recipe step.</summary>
public sealed class WorkflowStore(IDocumentStore documents)
{
    public const string Key = "Workflows";

    public async Task<WorkflowDefinition?> ForTypeAsync(string contentType) =>
        (await documents.GetAsync<WorkflowDocument>(Key)).Workflows.FirstOrDefault(w => w.ContentTypes.Contains(contentType));

    public async Task<IReadOnlyList<string>> TypesAsync() =>
        (await documents.GetAsync<WorkflowDocument>(Key)).Workflows.SelectMany(w => w.ContentTypes).Distinct().ToList();

    public Task<WorkflowDocument> GetAsync() => documents.GetAsync<WorkflowDocument>(Key);

    public Task SaveAsync(WorkflowDocument document) => documents.SaveAsync(Key, document);
}

/// <summary>
/// { "name": "Workflow", "Workflows": [ { "Name": "directory", "ContentTypes": ["Action"], "Transitions": [ { "Name": "approve",
/// "From": ["InReview"], "To": "Published", "Roles": ["Moderator"], "RequiresOtherPerson": true } ], "AllowSelfApproval": false } ] }:
/// replaces the workflows of those names.
/// </summary>
public sealed class WorkflowStep(WorkflowStore store, IContentDefinitionStore definitions, Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole> roles, IDocumentStore documents) : IRecipeStep
{
    public string Name => "Workflow";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var incoming = context.Step["Workflows"]?.Deserialize<List<WorkflowDefinition>>(ContentJson.Options)
            ?? throw new RecipeStepException("the step needs a \"Workflows\" array.");
        foreach (var workflow in incoming)
        {
            if (string.IsNullOrWhiteSpace(workflow.Name)) throw new RecipeStepException("a workflow has no Name.");
            foreach (var type in workflow.ContentTypes)
                if (await definitions.GetTypeAsync(type) is null) throw new RecipeStepException($"workflow {workflow.Name}: the content type {type} is not defined.");
            foreach (var transition in workflow.Transitions)
            {
                if (string.IsNullOrWhiteSpace(transition.Name)) throw new RecipeStepException($"workflow {workflow.Name}: a transition has no Name.");
                foreach (var state in transition.From.Append(transition.To))
                    if (!WorkflowStates.All.Contains(state))
                        throw new RecipeStepException($"workflow {workflow.Name}, transition {transition.Name}: unknown state {state}; states: {string.Join(", ", WorkflowStates.All)}.");
                foreach (var role in transition.Roles)
                    if (role != Portal.Core.Security.Roles.Administrator && !await roles.RoleExistsAsync(role))
                        throw new RecipeStepException($"workflow {workflow.Name}, transition {transition.Name}: the role {role} does not exist (define it in a Roles step first).");
            }
            if (workflow.Transitions.GroupBy(t => t.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
                throw new RecipeStepException($"workflow {workflow.Name}: the transition {twice.Key} is defined twice.");
        }
        var document = await documents.GetAsync<WorkflowDocument>(WorkflowStore.Key);
        foreach (var workflow in incoming)
        {
            document.Workflows.RemoveAll(w => w.Name == workflow.Name);
            // A type follows one workflow: the newest recipe wins.
            foreach (var other in document.Workflows) other.ContentTypes.RemoveAll(workflow.ContentTypes.Contains);
            document.Workflows.Add(workflow);
        }
        await store.SaveAsync(document);
    }
}
