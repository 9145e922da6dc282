using System.Security.Claims;
using System.Text.Json.Nodes;
using Portal.Core.Content;
using Portal.Events.Models;

namespace Portal.Events.Services;

/// <summary>
/// The organiser's "close registration": the event's registration close date becomes now (Paris time), on its latest and
/// published versions, through the content manager (one audit row, one journal row), without a new version to moderate.
/// Who may do it is checked by the caller (the organising actor's partner, or staff).
/// </summary>
public sealed class RegistrationClosing(IContentManager contentManager, TimeProvider clock)
{
    public const string AuditAction = "registration-closed";

    public Task<ContentResult> CloseNowAsync(string contentItemId, ClaimsPrincipal user)
    {
        var now = EventSession.LocalNow(clock).ToString(EventSession.Format, System.Globalization.CultureInfo.InvariantCulture);
        return contentManager.ChangeMetadataAsync(contentItemId, AuditAction, row =>
            {
                if (row.Data[EventTypes.Part] is not JsonObject part) row.Data[EventTypes.Part] = part = [];
                part[EventTypes.Fields.RegistrationCloses] = new JsonObject { ["Value"] = now };
            },
            $"{EventTypes.Part}.{EventTypes.Fields.RegistrationCloses}",
            new AuditNote(UserId: user.FindFirstValue(ClaimTypes.NameIdentifier), UserName: user.Identity?.Name));
    }
}
