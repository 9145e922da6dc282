using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Portal.Contents.Services;
using Portal.Contents.ViewModels;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Directory;

namespace Portal.Moderation.Services;

/// <summary>A proposal's organisation named in free text, as the moderator sees it: the directory's likely matches, and a form to create it.</summary>
public sealed class OrganisationReview
{
    public required NamedOrganisation Named { get; init; }
    public required IReadOnlyList<OrganisationMatch> Matches { get; init; }
    public required ContentEditorViewModel NewActor { get; init; }
}

/// <summary>
/// While reviewing a proposal that names a new organisation, the moderator links it to an actor of the directory, or
/// creates the actor from the name given (through the content manager, published), before approving it.
/// </summary>
public sealed class OrganisationReviewer(
    PortalDbContext db,
    IContentManager contentManager,
    IContentDefinitionStore definitions,
    ContentEditorBuilder editors,
    ContentFormBinder binder,
    PartnerTypes partnerTypes,
    OrganisationSearch search)
{
    /// <summary>What the moderator fills to create the actor: the fields an actor cannot do without.</summary>
    public static readonly string[] ActorFields = ["TitlePart.Title", "Actor.Description", "Actor.Typology", "Actor.Territory", "AddressPart.Commune"];

    /// <summary>The proposal's named organisation while it waits to be linked; null otherwise.</summary>
    public async Task<OrganisationReview?> ReviewOfAsync(ContentItem latest, ContentItem? typed = null, ContentValidationResult? validation = null)
    {
        if (NamedOrganisation.Of(latest) is not { } named || FieldOf(latest) is null) return null;
        var matches = await search.FindAsync(named.Name, named.Commune, latest.Culture);
        if (matches.Count == 0) matches = await search.FindAsync(named.Name, null, latest.Culture);
        var editor = await ActorEditorAsync(typed ?? await NewActorAsync(latest, named), validation);
        return new OrganisationReview { Named = named, Matches = matches, NewActor = editor };
    }

    private (string Part, string Field)? FieldOf(ContentItem item) =>
        partnerTypes.Find(item.ContentType) is { } type ? (item.ContentType, type.ActorField) : null;

    public bool Waits(ContentItem latest) => NamedOrganisation.Of(latest) is not null && FieldOf(latest) is not null;

    private async Task<ContentItem> NewActorAsync(ContentItem proposal, NamedOrganisation named)
    {
        var actor = await contentManager.NewAsync(DirectoryTypes.Actor);
        actor.Culture = proposal.Culture;
        actor.GetOrCreatePart("TitlePart")["Title"] = new JsonObject { ["Text"] = named.Name };
        if (named.Commune is not null) actor.GetOrCreatePart("AddressPart")["Commune"] = new JsonObject { ["Text"] = named.Commune };
        return actor;
    }

    private async Task<ContentTypeDefinition> ActorTypeAsync()
    {
        var full = (await definitions.GetTypeAsync(DirectoryTypes.Actor))!;
        var parts = ActorFields.Select(f => f[..f.IndexOf('.')]).ToHashSet();
        return new ContentTypeDefinition { Name = full.Name, DisplayName = full.DisplayName, Parts = full.Parts.Where(p => parts.Contains(p.Name)).ToList() };
    }

    private async Task<ContentEditorViewModel> ActorEditorAsync(ContentItem actor, ContentValidationResult? validation)
    {
        var editor = await editors.BuildAsync(await ActorTypeAsync(), actor, isNew: true, validation);
        EditorFields.Keep(editor, f => ActorFields.Contains(f.Prefix));
        return editor;
    }

    /// <summary>Links the proposal to an existing actor; false when <paramref name="actorId"/> names no actor.</summary>
    public async Task<bool> LinkAsync(ClaimsPrincipal user, ContentItem latest, string? actorId)
    {
        if (string.IsNullOrEmpty(actorId) || !await db.ContentItems.AnyAsync(i => i.ContentItemId == actorId && i.Latest && i.ContentType == DirectoryTypes.Actor)) return false;
        await SetActorAsync(user, latest, actorId);
        return true;
    }

    /// <summary>Creates (and publishes) the actor from the form, then links the proposal to it, in one unit of work.</summary>
    public async Task<(ContentResult Result, ContentItem Actor)> CreateAsync(ClaimsPrincipal user, ContentItem latest, IFormCollection form)
    {
        var actor = await NewActorAsync(latest, NamedOrganisation.Of(latest)!);
        var shown = EditorFields.Shown(await ActorEditorAsync(actor, null));
        actor.Data = EditorFields.OnlyShown(await binder.BindAsync(await ActorTypeAsync(), form, null), null, shown);
        actor.Data["LocalizationPart"] = new JsonObject { ["Culture"] = new JsonObject { ["Text"] = latest.Culture } };
        actor.Culture = latest.Culture;
        actor.Owner = user.Identity?.Name;

        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await contentManager.CreateAsync(actor, publish: true);
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return (created, actor);
        }
        await SetActorAsync(user, latest, actor.ContentItemId);
        await transaction.CommitAsync();
        return (created, actor);
    }

    /// <summary>Sets the organisation field and drops the name: a change of reference, not of what was proposed (four eyes stays as it was).</summary>
    private async Task SetActorAsync(ClaimsPrincipal user, ContentItem latest, string actorId)
    {
        var (part, field) = FieldOf(latest)!.Value;
        var result = await contentManager.ChangeMetadataAsync(latest.ContentItemId, ModerationAudit.OrganisationLinked, row =>
        {
            if (!row.Latest) return;
            var data = (JsonObject)row.Data.DeepClone();
            if (data[part] is not JsonObject partData) data[part] = partData = new JsonObject();
            partData[field] = new JsonObject { ["ContentItemIds"] = new JsonArray(actorId) };
            data.Remove(NamedOrganisation.Part);
            row.Data = data;
        }, $"{part}.{field}", new AuditNote(null, user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name ?? ""));
        if (!result.Succeeded) throw new InvalidOperationException(result.Message);
    }
}
