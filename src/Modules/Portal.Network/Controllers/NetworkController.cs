using Microsoft.AspNetCore.Mvc;
using Portal.Core.Hosting;
using Portal.Core.Localization;
using Portal.Moderation.Services;
using Portal.Network.Services;
using Portal.Taxonomies.Services;

namespace Portal.Network.Controllers;

/// <summary>/fr/reseau, /de/netzwerk: the expert directory; members see every member, anonymous visitors only what each member made public.</summary>
public sealed class NetworkController(NetworkDirectory directory, Members members, PartnerScope partners, VocabularyStore vocabularies, Cultures cultures) : Controller
{
    [HttpGet("/{culture:culture}/{segment:localizedexact(network)}")]
    public async Task<IActionResult> Index(string culture, string? expertise, string? side, string? language, string? organisation)
    {
        var isMember = await members.IsMemberAsync(User);
        // What a member sees depends on who asks: never kept by a shared cache.
        Response.Headers.CacheControl = "private, no-store";
        var query = new MemberQuery(expertise, side, language, organisation);
        var isPartner = User.Identity?.IsAuthenticated == true && (await partners.ActorSetsAsync(User)).Count > 0;
        return View(new DirectoryViewModel(await directory.SearchAsync(query, isMember), await NetworkChoices.LoadAsync(vocabularies, cultures, culture), query,
            isMember, User.Identity?.IsAuthenticated == true, isPartner));
    }
}
