namespace Portal.Core.Content.Parts;

/// <summary>A first path segment a module gives its items (/fr/acteurs/…), so that generated slugs are unique with it.</summary>
public interface IAutoroutePrefix
{
    /// <summary>The prefix without slashes, or null when the item is not this module's.</summary>
    string? PrefixFor(ContentItem item);
}
