using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Content;
using Portal.Network.Data;
using Portal.Network.Models;

namespace Portal.Network.Services;

/// <summary>The professional-only details of directory entries, one row per entry (all its translations), for the types the site's settings name.</summary>
public sealed class EntryDetails(NetworkDbContext network, TimeProvider clock, IOptions<NetworkOptions> options)
{
    public static string SetOf(ContentItem item) => item.LocalizationSet ?? item.ContentItemId;

    public bool Carries(string contentType) => options.Value.DetailTypes.Contains(contentType);

    public Task<ProfessionalDetails?> GetAsync(ContentItem item) =>
        network.Details.AsNoTracking().FirstOrDefaultAsync(d => d.EntrySet == SetOf(item));

    public async Task SaveAsync(ContentItem item, DetailsForm form, ClaimsPrincipal by)
    {
        var set = SetOf(item);
        var details = await network.Details.FirstOrDefaultAsync(d => d.EntrySet == set);
        if (details is null) network.Details.Add(details = new ProfessionalDetails { EntrySet = set });
        details.OrientationProcedure = form.OrientationProcedure;
        details.ReferralFormUrl = form.ReferralFormUrl;
        details.EligibilityCriteria = form.EligibilityCriteria;
        details.ReferentName = form.ReferentName;
        details.ReferentPhone = form.ReferentPhone;
        details.WaitingTime = form.WaitingTime;
        details.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        details.UpdatedBy = by.FindFirstValue(ClaimTypes.Email) ?? by.Identity?.Name;
        await network.SaveChangesAsync();
    }
}

/// <summary>
/// The details on an entry's page for signed-in members, and their form below the partner's form of the entry. Every
/// entry's page asks; the members, the network's database and the partners' scope are reached only for a signed-in
/// viewer of an entry that carries details.
/// </summary>
public sealed class EntryDetailsSection(IOptions<NetworkOptions> options, IServiceProvider services) : IContentItemSection
{
    public async Task<ContentItemSection?> ForAsync(ContentItem item, string place, ClaimsPrincipal viewer)
    {
        if (!options.Value.DetailTypes.Contains(item.ContentType) || viewer.Identity?.IsAuthenticated != true) return null;
        var details = services.GetRequiredService<EntryDetails>();
        var members = services.GetRequiredService<Members>();
        var partners = services.GetRequiredService<Portal.Moderation.Services.PartnerScope>();
        if (place == ContentItemSectionPlaces.Page)
            return await members.IsMemberAsync(viewer) && await details.GetAsync(item) is { IsEmpty: false } d ? new ContentItemSection("_NetworkEntryDetails", d) : null;
        if (place == ContentItemSectionPlaces.PartnerForm && await partners.OwnsAsync(viewer, item))
            return new ContentItemSection("_NetworkEntryDetailsForm", new DetailsFormModel(item, DetailsForm.Of(await details.GetAsync(item)), new Dictionary<string, string>(), false));
        return null;
    }
}

public sealed record DetailsFormModel(ContentItem Item, DetailsForm Form, IReadOnlyDictionary<string, string> Errors, bool Standalone)
{
    public string? Error(string field) => Errors.TryGetValue(field, out var message) ? message : null;
    public string? Described(string field, string? hint = null) =>
        string.Join(' ', new[] { hint, Error(field) is null ? null : $"det-{field}-error" }.Where(s => s is not null)) is { Length: > 0 } ids ? ids : null;
    public string? Invalid(string field) => Error(field) is null ? null : "true";
}
