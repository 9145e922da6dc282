using Portal.Core.Content;

namespace Portal.Resources;

/// <summary>A resource gives something to read or watch: a document, a link, or both.</summary>
public sealed class ResourceHandler : IContentHandler
{
    public Task ValidatingAsync(ContentValidateContext context)
    {
        if (context.Item.ContentType != ResourceTypes.Resource) return Task.CompletedTask;
        var part = context.Item.Part(ResourceTypes.Resource);
        var hasFile = part?["File"]?["MediaIds"] is System.Text.Json.Nodes.JsonArray { Count: > 0 };
        var hasLink = !string.IsNullOrWhiteSpace(part?["Link"]?["Url"]?.GetValue<string>());
        if (!hasFile && !hasLink)
            context.Result.Add($"{ResourceTypes.Resource}.File", context.T["Give a document or a link."]);
        return Task.CompletedTask;
    }
}
