using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Content.Fields;

namespace Portal.Moderation.Services;

/// <summary>The organisation a visitor named in free text (name and commune) because it is not in the directory yet.</summary>
public sealed record NamedOrganisation(string Name, string? Commune)
{
    public const int MaxName = 200;
    public const int MaxCommune = 120;

    /// <summary>Where a proposal keeps it until the moderator links or creates the actor: a part of its own, outside the type's definition.</summary>
    public const string Part = "ProposedOrganisationPart";

    public static NamedOrganisation? Of(ContentItem item) => Of(item.Data);

    public static NamedOrganisation? Of(JsonObject data) =>
        data[Part] is JsonObject o && o["Name"] is JsonValue v && v.ToString() is { Length: > 0 } name ? new(name, o["Commune"]?.ToString()) : null;

    public void WriteTo(JsonObject data) => data[Part] = new JsonObject { ["Name"] = Name, ["Commune"] = Commune };
}

/// <summary>
/// A proposal naming a new organisation waits in review without an actor: its actor field may stay empty until it is
/// published; then the moderator must have linked it to an actor (an existing one, or one created from the name).
/// </summary>
public sealed class ProposedOrganisationHandler(PartnerTypes partnerTypes, IStringLocalizer<ProposedOrganisationHandler> T) : IContentHandler
{
    public Task ValidatingAsync(ContentValidateContext context)
    {
        if (NamedOrganisation.Of(context.Item) is not { } named || partnerTypes.Find(context.Item.ContentType) is not { } type) return Task.CompletedTask;
        if (ContentPickerFieldType.Ids(context.Item.Field(context.Item.ContentType, type.ActorField)).Count > 0) return Task.CompletedTask;
        var key = $"{context.Item.ContentType}.{type.ActorField}";
        context.Result.Waive(key);
        if (context.Publishing)
            context.Result.Add(key, T["Link this entry to the organisation “{0}” first: choose it in the directory, or create it from the name given.", named.Name]);
        return Task.CompletedTask;
    }
}
