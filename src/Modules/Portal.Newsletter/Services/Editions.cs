using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Localization;
using Portal.Core.Settings;
using Portal.Newsletter.Data;

namespace Portal.Newsletter.Services;

/// <summary>The editions: drafts an editor composes, and those sent (the archive).</summary>
public sealed class Editions(NewsletterDbContext newsletter, EditionContent content, IDocumentStore documents, Cultures cultures, TimeProvider clock)
{
    public static Dictionary<string, EditionSection> SectionsOf(Edition edition) =>
        JsonSerializer.Deserialize<Dictionary<string, EditionSection>>(edition.Sections) ?? [];

    public Task<Edition?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        id.Length > 32 ? Task.FromResult<Edition?>(null) : newsletter.Editions.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    public Task<List<Edition>> ListAsync(CancellationToken cancellationToken = default) =>
        newsletter.Editions.AsNoTracking().OrderByDescending(e => e.CreatedUtc).Take(200).ToListAsync(cancellationToken);

    /// <summary>Editions sent (or being sent) that have a title in <paramref name="culture"/>, newest first.</summary>
    public async Task<List<(Edition Edition, EditionSection Section)>> ArchiveAsync(string culture, CancellationToken cancellationToken = default)
    {
        var sent = await newsletter.Editions.AsNoTracking().Where(e => e.Status != EditionStatus.Draft).OrderByDescending(e => e.SendStartedUtc).ToListAsync(cancellationToken);
        return sent.Select(e => (e, SectionsOf(e).GetValueOrDefault(culture))).Where(x => x.Item2 is { Title.Length: > 0 }).Select(x => (x.e, x.Item2!)).ToList();
    }

    /// <summary>Saves a draft (a new one when <paramref name="edition"/> is null); a sent edition no longer changes.</summary>
    public async Task<Edition?> SaveAsync(Edition? edition, Dictionary<string, EditionSection> sections, IReadOnlyList<string> audiences, string user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (edition is null)
        {
            edition = new Edition { Id = IdGenerator.New(), CreatedBy = user, CreatedUtc = now };
            newsletter.Editions.Add(edition);
        }
        else if (edition.Status != EditionStatus.Draft) return null;
        edition.Sections = JsonSerializer.Serialize(sections);
        edition.Audiences = NewsletterAudiences.Join(audiences);
        edition.UpdatedUtc = now;
        await newsletter.SaveChangesAsync();
        return edition;
    }

    /// <summary>One language's edition as shown and sent; null when it has no title in that language.</summary>
    public async Task<EditionView?> ViewAsync(Edition edition, string culture, CancellationToken cancellationToken = default)
    {
        var section = SectionsOf(edition).GetValueOrDefault(culture);
        if (section is null || section.Title.Length == 0) return null;
        var site = await documents.GetAsync<SiteSettings>(DocumentKeys.SiteSettings);
        return new EditionView(edition.Id, culture, site.SiteNameFor(culture, cultures), section.Title, section.Introduction, await content.GetAsync(section.Items, cancellationToken));
    }
}
