namespace Portal.Core.Content.Parts;

/// <summary>The title is the item's display text.</summary>
public sealed class TitlePartHandler : IContentHandler
{
    public int Order => -100;

    public Task UpdatingAsync(ContentContext context)
    {
        if (context.HasPart(BuiltInParts.Title) && context.Item.Field(BuiltInParts.Title, "Title")?["Text"]?.GetValue<string>() is { } title)
            context.Item.DisplayText = title.Length > 512 ? title[..512] : title;
        return Task.CompletedTask;
    }
}
