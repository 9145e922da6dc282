namespace Portal.Core.Content.Parts;

/// <summary>Copies the culture chosen in the part to the item's row; items of a type without the part belong to every culture.</summary>
public sealed class LocalizationPartHandler : IContentHandler
{
    public int Order => -90;

    public Task UpdatingAsync(ContentContext context)
    {
        var item = context.Item;
        if (context.HasPart(BuiltInParts.Localization))
        {
            if (item.Field(BuiltInParts.Localization, "Culture")?["Text"]?.GetValue<string>() is { Length: > 0 } culture)
                item.Culture = culture;
            else if (!string.IsNullOrEmpty(item.Culture))
                item.GetOrCreatePart(BuiltInParts.Localization)["Culture"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = item.Culture };
        }
        else item.Culture = "";
        if (string.IsNullOrEmpty(item.LocalizationSet) && !string.IsNullOrEmpty(item.ContentItemId)) item.LocalizationSet = item.ContentItemId;
        return Task.CompletedTask;
    }
}
