using Microsoft.Extensions.Localization;
using Portal.Core.Localization;

namespace Portal.Core.Content;

/// <summary>Words, in the reader's language, for a workflow's states and steps: given by the module that owns the workflow.</summary>
public interface IWorkflowLabels
{
    /// <summary>The state's name ("En relecture"), or null when this module does not know it.</summary>
    string? State(string state);

    /// <summary>The step's name ("envoyer en relecture"), or null when this module does not know it.</summary>
    string? Step(string action);
}

/// <summary>
/// What the back office shows instead of technical names: a type's display name, a state's and a step's name, a
/// field's label, from the definitions and the PO files (languages are data).
/// </summary>
public sealed class ContentLabels(IContentDefinitionStore definitions, Cultures cultures, IEnumerable<IWorkflowLabels> workflows, IStringLocalizer<ContentLabels> T)
{
    public async Task<string> TypeAsync(string contentType) =>
        await definitions.TypeDisplayNameAsync(contentType, cultures.Current);

    public string State(string state) => workflows.Select(w => w.State(state)).FirstOrDefault(s => s is not null) ?? state switch
    {
        ContentStatus.Draft => T["Draft"],
        ContentStatus.Published => T["Published"],
        ContentStatus.Unpublished => T["Unpublished"],
        _ => state,
    };

    public string Action(string action) => workflows.Select(w => w.Step(action)).FirstOrDefault(s => s is not null) ?? action switch
    {
        AuditActions.Created => T["created"],
        AuditActions.Saved => T["saved"],
        AuditActions.Published => T["published"],
        AuditActions.Unpublished => T["unpublished"],
        AuditActions.Removed => T["removed"],
        AuditActions.Restored => T["restored"],
        _ => action,
    };

    /// <summary>"TitlePart.Title,Action.Description" as the fields' labels ("Titre, Description"); a key no definition names is kept as is.</summary>
    public async Task<string> FieldsAsync(string contentType, string? keys)
    {
        if (string.IsNullOrEmpty(keys)) return "";
        var type = await definitions.GetTypeAsync(contentType);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (type is not null)
            foreach (var (typePart, part) in await definitions.GetPartsOfAsync(type))
                foreach (var field in part.Fields)
                    labels[$"{typePart.Name}.{field.Name}"] = T[field.LabelFor(cultures.Current, cultures)];
        return string.Join(", ", keys.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(k => labels.GetValueOrDefault(k, k)));
    }
}
