using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Portal.Moderation.Services;

/// <summary>
/// A content type that partners propose and update in their space, through the moderation workflow: a module contributes
/// it with <see cref="PartnerTypeExtensions.AddPartnerType"/>, naming the field of the type that picks the organisation
/// (an actor) it belongs to. The partner may work on an item only when that field points at one of their actors.
/// </summary>
public sealed record PartnerType(string ContentType, string ActorField, Func<IStringLocalizer, string> AddLabel)
{
    /// <summary>The heading of the type's own section in the partner space; null to list it with the activities and support offers.</summary>
    public Func<IStringLocalizer, string>? Heading { get; init; }

    /// <summary>Fields of the type's part a partner does not see or set (besides the actor field, which is never theirs to change).</summary>
    public IReadOnlyList<string> HiddenFields { get; init; } = [];

    /// <summary>Whether the partner confirms "still accurate" for it (the directory's freshness), or not (dated things such as events).</summary>
    public bool Verifiable { get; init; } = true;
}

/// <summary>Every partner type the modules contributed.</summary>
public sealed class PartnerTypes(IEnumerable<PartnerType> types)
{
    public IReadOnlyList<PartnerType> All { get; } = types.ToList();

    public PartnerType? Find(string contentType) => All.FirstOrDefault(t => t.ContentType == contentType);
}

public static class PartnerTypeExtensions
{
    public static IServiceCollection AddPartnerType(this IServiceCollection services, PartnerType type)
    {
        services.AddSingleton(type);
        return services;
    }
}
