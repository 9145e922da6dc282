using System.Security.Claims;

namespace Portal.Core.Content;

/// <summary>
/// A block a module adds, for the person viewing, to an item's public page or below the partner's form of it (e.g.
/// details only professionals see): a partial view and its model, or null when it has nothing for this viewer.
/// </summary>
public interface IContentItemSection
{
    Task<ContentItemSection?> ForAsync(ContentItem item, string place, ClaimsPrincipal viewer);
}

public sealed record ContentItemSection(string PartialName, object Model);

/// <summary>Where a page asks for sections.</summary>
public static class ContentItemSectionPlaces
{
    public const string Page = "page";
    public const string PartnerForm = "partner-form";
}
