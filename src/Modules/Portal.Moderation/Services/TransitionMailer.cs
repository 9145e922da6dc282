using Portal.Core.Content;

namespace Portal.Moderation.Services;

/// <summary>Tells whom a transition concerns, in the transition's own unit of work (the mails go through the outbox).</summary>
public sealed class TransitionMailer(WorkflowStore workflows, ModerationMails mails) : IContentHandler
{
    public async Task TransitionedAsync(ContentTransitionContext context)
    {
        // A visitor's proposal has its own acknowledgement; the moderators hear of it from the proposal form.
        if (context.Note?.Action == ModerationAudit.Proposed) return;
        var transition = (await workflows.ForTypeAsync(context.Item.ContentType))?.Transition(context.Transition.Name);
        if (transition is not null) await mails.TransitionAsync(context.Item, transition, context.Transition.From, context.Comment);
    }
}
