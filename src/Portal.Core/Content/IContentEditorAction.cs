namespace Portal.Core.Content;

/// <summary>
/// A server-side helper an editor can press without saving (e.g. "place at the commune's centre"): it changes the
/// unsaved item in the form, which is shown again for the editor to check and save.
/// </summary>
public interface IContentEditorAction
{
    string Name { get; }

    /// <summary>The field it offers itself next to ("Part.Field"), or null when it does not apply to this type.</summary>
    string? FieldFor(ContentTypeDefinition type);

    string Label { get; }

    /// <summary>Changes the item; returns what to tell the editor.</summary>
    Task<string> ApplyAsync(ContentItem item);
}
