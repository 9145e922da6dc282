namespace Portal.Core.Content;

/// <summary>
/// What modules subscribe to instead of being called by name: the content manager raises these around every write.
/// The handlers run inside the write's unit of work, so what they add to the database (an indexing task, an audit
/// row) is stored with the change, or not at all.
/// </summary>
public interface IContentHandler
{
    int Order => 0;

    /// <summary>Before validation: derive values (display text, slug, culture).</summary>
    Task UpdatingAsync(ContentContext context) => Task.CompletedTask;

    Task ValidatingAsync(ContentValidateContext context) => Task.CompletedTask;

    Task CreatedAsync(ContentContext context) => Task.CompletedTask;

    Task DraftSavedAsync(ContentContext context) => Task.CompletedTask;

    Task PublishedAsync(ContentContext context) => Task.CompletedTask;

    Task UnpublishedAsync(ContentContext context) => Task.CompletedTask;

    Task RemovedAsync(ContentContext context) => Task.CompletedTask;

    /// <summary>A workflow transition was applied (after publish or unpublish, before the unit of work is stored).</summary>
    Task TransitionedAsync(ContentTransitionContext context) => Task.CompletedTask;
}

public class ContentContext(ContentItem item, ContentTypeDefinition type)
{
    public ContentItem Item { get; } = item;
    public ContentTypeDefinition Type { get; } = type;

    public bool HasPart(string name) => Type.Parts.Any(p => p.Name == name || p.PartName == name);
}

public sealed class ContentValidateContext(ContentItem item, ContentTypeDefinition type, ContentValidationResult result, Microsoft.Extensions.Localization.IStringLocalizer localizer)
    : ContentContext(item, type)
{
    public ContentValidationResult Result { get; } = result;
    /// <summary>The version is about to be published: what a draft may lack for a while must be there now.</summary>
    public bool Publishing { get; init; }
    public Microsoft.Extensions.Localization.IStringLocalizer T { get; } = localizer;
}
