namespace Portal.Core.Content;

/// <summary>
/// One step of a workflow, as the content manager applies it: the workflow (data of the module that owns it) says its
/// name, the state it leaves and the state it reaches, and whether reaching it publishes or withdraws the item.
/// The kernel knows only draft and published; every other state is a name.
/// </summary>
public sealed record ContentTransition(string Name, string From, string To, bool Publishes = false, bool Unpublishes = false);

public sealed class ContentTransitionContext(ContentItem item, ContentTypeDefinition type, ContentTransition transition, AuditNote? note)
    : ContentContext(item, type)
{
    public ContentTransition Transition { get; } = transition;
    /// <summary>Who took it, why, and under which name it is recorded.</summary>
    public AuditNote? Note { get; } = note;
    public string? Comment => Note?.Comment;
}
